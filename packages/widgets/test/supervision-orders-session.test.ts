// <bh-supervision-orders> on a synced store: who may issue and answer comes from the session, not
// from viewer-role (display-only there), as for every other widget that sends loop events.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { createMemoryStore, supervisionStoreSpec } from '@bihuan/core';
import { exampleSupervisionOrders } from '@bihuan/core/examples';
import '@bihuan/widgets/supervision-orders';
import { cleanup, mount } from '../../../test/browser/support/render.js';
import { until } from './dispute-support.js';
import { fakeSyncedStore } from '../../../stories/support/synced-store.js';

afterEach(cleanup);

const NOW = '2025-11-20T10:00:00+08:00';
const scope = { level: 'county', id: 'county-zx', name: '振兴区' };
const issuer = { actor: { id: 'head-gao', name: '高峰', roles: ['issuer'], unit: '振兴区委政法委' }, scope };
const respondent = { actor: { id: 'clerk-li', name: '李娜', roles: ['respondent'], unit: '站前街道综治中心' }, scope };

async function ordersOn(session: typeof issuer | undefined, attributeRole: string) {
  const { orders, targets } = exampleSupervisionOrders(NOW, 3);
  const local = createMemoryStore(supervisionStoreSpec);
  await local.bulkPut('orders', orders.slice(0, 1) as never); // the other targets still await an order
  const store = fakeSyncedStore(local, session as never);
  const c = await mount(html`<bh-supervision-orders now=${NOW} viewer-role=${attributeRole} viewer-id="someone-else" .targets=${targets} .store=${store}></bh-supervision-orders>`);
  const el = c.querySelector('bh-supervision-orders')!;
  await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length > 0);
  return el;
}

const issueForm = (el: Element) => el.shadowRoot!.querySelector('[part~="issue-form"]');

describe('<bh-supervision-orders> on a synced store', () => {
  test("the session's issuer is offered the issue form although viewer-role says respondent", async () => {
    expect(issueForm(await ordersOn(issuer, 'respondent'))).not.toBeNull();
  });

  test("viewer-role='issuer' offers nothing to a respondent's session, nor when signed out", async () => {
    expect(issueForm(await ordersOn(respondent, 'issuer'))).toBeNull();
    cleanup();
    const signedOut = await ordersOn(undefined, 'issuer');
    expect(issueForm(signedOut)).toBeNull();
    expect(signedOut.shadowRoot!.querySelectorAll('tbody button:not([data-print])').length).toBe(0);
  });

  test('on a local store viewer-role still decides', async () => {
    const { orders, targets } = exampleSupervisionOrders(NOW, 3);
    const store = createMemoryStore(supervisionStoreSpec);
    await store.bulkPut('orders', orders.slice(0, 1) as never);
    const c = await mount(html`<bh-supervision-orders now=${NOW} viewer-role="issuer" .targets=${targets} .store=${store}></bh-supervision-orders>`);
    const el = c.querySelector('bh-supervision-orders')!;
    await until(() => !!issueForm(el));
  });
});
