// The widgets on a synced store (a stand-in with the contract's `session` and `sync`): the actor
// and role come from the session, not from viewer-* attributes; pending and refused marks; the
// case view's conflict; and <bh-sync-status>. One page for all of it.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/sync-status';
import '@bihuan/widgets/dispute-case';
import '@bihuan/widgets/dispute-ledger';
import '@bihuan/widgets/dispute-intake';
import { createMemoryStore, disputeStoreSpec, type DisputeItem } from '@bihuan/core';
import type { BhDisputeCase, BhDisputeIntake } from '@bihuan/widgets/classes';
import { cleanup, mount, settle, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { until } from './dispute-support.js';
import { NOW, accept, storeWith, walk } from '../../../stories/support/disputes.js';
import { SESSIONS, fakeSyncedStore } from '../../../stories/support/synced-store.js';

afterEach(cleanup);

const ID = 'JF-20251110-0425';
const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

async function caseOn(session: (typeof SESSIONS)[keyof typeof SESSIONS] | undefined, items: DisputeItem[], lang?: string) {
  const store = fakeSyncedStore(storeWith(items), session);
  // The attributes say "supervisor, head-gao": on a synced store they must change nothing.
  const c = await mount(html`<bh-dispute-case viewer-role="supervisor" viewer-id="head-gao" now=${NOW} dispute-id=${ID} .store=${store}></bh-dispute-case>`, lang);
  const el = c.querySelector('bh-dispute-case') as BhDisputeCase;
  await until(() => !!part(el, 'timeline'));
  return { c, el, store };
}

describe('widgets on a synced store', () => {
  test('the case view acts as the session’s actor, offers only the session’s actions, marks pending, and explains a conflict', async () => {
    const routed = walk(accept(ID, '2025-11-10T09:00:00+08:00'), ['route']);
    const { c, el, store } = await caseOn(SESSIONS.mediator, [routed]);
    // The session is a mediator: mediation is offered, the supervisor's actions (from viewer-role) are not.
    expect(el.available).toContain('mediate');
    expect(el.available).not.toContain('writeOff');
    expect(el.viewer).toEqual({ id: 'mediator-wang', role: 'mediator', name: '王强' });
    expect(await el.act('mediate', { mode: 'atCentre', mediators: ['mediator-wang'] })).toBeUndefined();
    const stored = (await store.get('disputes', ID))!;
    expect(stored.history.at(-1)!.actor).toEqual({ id: 'mediator-wang', role: 'mediator', name: '王强' });

    // Not yet accepted by the server: a pending mark, in words.
    store.sync.setPending('disputes', ID, true);
    await settle(c);
    expect(shadowText(part(el, 'pending'))).toBe('待同步');

    // Someone else settled first: the server refused this mediator's settle and sent its record.
    const theirs = walk(stored as DisputeItem, [['settle', { terms: ['赔偿'], consentedBy: ['p1', 'p2'], date: '2025-11-11' }]]);
    const current = { ...theirs, history: theirs.history.map((h, i) => (i === theirs.history.length - 1 ? { ...h, actor: { id: 'mediator-zhao', role: 'mediator', name: '赵敏' } } : h)) };
    store.sync.setPending('disputes', ID, false);
    store.sync.refuse({
      collection: 'disputes', key: ID, mutationId: 'm-7', code: 'not_allowed_in_state',
      message: { 'zh-CN': '当前状态（待回访）不能办理“调解成功”。', en: 'Cannot settle in the current state (follow-up).' },
      event: { type: 'settle', actor: { id: 'mediator-wang', name: '王强' } }, current, at: '2025-11-11T10:00:01+08:00',
    });
    await until(() => !!part(el, 'conflict'));
    const conflict = shadowText(part(el, 'conflict'));
    expect(conflict).toContain('赵敏');
    expect(conflict).toContain('当前状态（待回访）不能办理');
    expect(conflict).toMatch(/当前状态：\S+/);
    expect(conflict).toContain('您现在可以');
    expect(shadowText(part(el, 'sync-refusal'))).toContain('服务器未接受');
    expect(part(el, 'pending')).toBeNull();
    await expectNoAxeViolations(c);
    // Dismissed: the conflict goes.
    part(el, 'conflict')!.querySelector('button')!.click();
    await settle(c);
    expect(part(el, 'conflict')).toBeNull();
    expect(store.sync.state().refusals).toEqual([]);
  });

  test('a session without a dispute role may only look; signed out likewise', async () => {
    const routed = walk(accept(ID, '2025-11-10T09:00:00+08:00'), ['route']);
    for (const session of [SESSIONS.viewer, undefined]) {
      const { el } = await caseOn(session, [routed]);
      expect(el.available).toEqual([]);
      expect(el.shadowRoot!.querySelectorAll('[part="actions"] button')).toHaveLength(0);
      // Personal data follow the session's (absent) role, not viewer-role="supervisor".
      expect(shadowText(part(el, 'parties'))).not.toContain('13812341234');
      cleanup();
    }
    const store = fakeSyncedStore(createMemoryStore(disputeStoreSpec), SESSIONS.viewer);
    const c = await mount(html`<bh-dispute-intake viewer-role="intakeClerk" .store=${store}></bh-dispute-intake>`);
    const intake = c.querySelector('bh-dispute-intake') as BhDisputeIntake;
    expect(part(intake, 'submit')!.hasAttribute('disabled')).toBe(true);
    expect(shadowText(intake)).toContain('只能查看');
  });

  test('ledger rows show pending and refused marks in words', async () => {
    const items = [accept(ID, '2025-11-10T09:00:00+08:00'), accept('JF-20251110-0426', '2025-11-10T10:00:00+08:00')];
    const store = fakeSyncedStore(storeWith(items), SESSIONS.mediator);
    store.sync.setPending('disputes', ID, true);
    store.sync.refuse({
      collection: 'disputes', key: 'JF-20251110-0426', mutationId: 'm-2', code: 'guard_failed', rule: 'routing',
      message: { 'zh-CN': '分流须至少选择一个部门。', en: 'Routing needs at least one department.' },
      event: { type: 'route', actor: { id: 'head-gao' } }, at: '2025-11-11T10:00:00+08:00',
    });
    const c = await mount(html`<bh-dispute-ledger now=${NOW} .store=${store}></bh-dispute-ledger>`, 'en');
    const el = c.querySelector('bh-dispute-ledger')!;
    await until(() => el.shadowRoot!.querySelectorAll('[role="row"]').length === 3);
    const rows = [...el.shadowRoot!.querySelectorAll('.rows [role="row"]')].map((r) => shadowText(r));
    expect(rows.find((r) => r.includes(ID))).toContain('Not yet synced');
    expect(rows.find((r) => r.includes('0426'))).toContain('Refused by the server: Routing needs at least one department.');
    // A mediator's session sees personal data in clear (the session's role decides, no viewer-role set).
    expect(shadowText(el)).toContain('13812341234');
  });

  test('<bh-sync-status>: local only, online, offline with pending, refusals dismissed by keyboard, sync now, an error; axe clean', async () => {
    const local = createMemoryStore(disputeStoreSpec);
    const store = fakeSyncedStore(createMemoryStore(disputeStoreSpec), SESSIONS.mediator, { online: true, pending: 0, lastSyncAt: '2025-11-20T09:59:30+08:00' });
    const c = await mount(html`<bh-sync-status .store=${local}></bh-sync-status><bh-sync-status .store=${store}></bh-sync-status>`);
    const [plain, status] = [...c.querySelectorAll('bh-sync-status')];
    expect(shadowText(plain)).toContain('不与服务器同步');
    const live = part(status!, 'status')!;
    expect(live.getAttribute('role')).toBe('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(shadowText(live)).toBe('在线，全部已同步');
    expect(shadowText(part(status!, 'last-sync'))).toBe('上次同步：2025-11-20 09:59');
    expect(shadowText(part(status!, 'session'))).toBe('王强 · 站前街道');

    store.sync.set({ online: false, pending: 2 });
    await settle(c);
    expect(shadowText(live)).toContain('离线');
    expect(shadowText(live)).toContain('2 项待同步');
    expect((part(status!, 'sync-now') as HTMLButtonElement).disabled).toBe(true);

    store.sync.set({ online: true });
    store.sync.refuse({ collection: 'disputes', key: ID, mutationId: 'm-9', code: 'not_allowed_in_state', message: { 'zh-CN': '已由他人办理。', en: 'Someone else acted first.' }, event: { type: 'settle', actor: { id: 'mediator-wang' } }, at: '2025-11-20T10:00:00+08:00' });
    await settle(c);
    expect(shadowText(live)).toContain('1 项操作未被服务器接受');
    expect(shadowText(part(status!, 'refusals'))).toContain(`${ID}（settle）：已由他人办理。`);
    await expectNoAxeViolations(c);
    // Keyboard: the buttons are real buttons in tab order; Enter on a focused button activates it.
    const dismiss = part(status!, 'dismiss') as HTMLButtonElement;
    dismiss.focus();
    expect(status!.shadowRoot!.activeElement).toBe(dismiss);
    dismiss.click();
    await settle(c);
    expect(part(status!, 'refusals')).toBeNull();
    (part(status!, 'sync-now') as HTMLButtonElement).click();
    await until(() => store.sync.asked === 1);

    store.sync.set({ error: { code: 'unauthorized', message: { 'zh-CN': '登录已过期，请重新登录。', en: 'Your sign-in has expired; sign in again.' } } });
    c.lang = 'en';
    await settle(c);
    await until(() => shadowText(part(status!, 'error')) === 'Sync failed: Your sign-in has expired; sign in again.');
    expect(part(status!, 'error')!.getAttribute('role')).toBe('alert');
    expect(shadowText(live)).toBe('Online · 2 waiting to sync');
  });
});
