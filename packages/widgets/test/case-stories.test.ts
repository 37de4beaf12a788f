// The catalog's stories of everyday case work show what they say: search in the ledger finds a
// dispute by a whole phone number without showing it, says when nothing matches and refuses a search
// too long; at intake a decline or a direct referral is recorded with its reasons (or refused by the
// loop's rule, recording nothing); the town–village tree refuses a village of another town and a
// tree with a village under two towns. Each story is rendered through its own render function.
import { afterEach, describe, expect, test } from 'vitest';
import type { DisputeItem, DisputeStore } from '@bihuan/core';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { $, until } from './dispute-support.js';
import * as ledger from '../../../stories/dispute-ledger.stories.js';
import * as intake from '../../../stories/dispute-intake.stories.js';

afterEach(cleanup);

type Render = (args: object, ctx: object) => unknown;
type Story = { args?: object; render?: unknown };
/** Mounts a story as the catalog does: the meta's args and render under the story's own. */
async function story(mod: { default: Story }, s: Story, tag: string): Promise<{ c: HTMLElement; el: HTMLElement & { store?: DisputeStore } }> {
  const args = { ...mod.default.args, ...s.args };
  const c = await mount(((s.render ?? mod.default.render) as Render)(args, { args }));
  return { c, el: c.querySelector<HTMLElement & { store?: DisputeStore }>(tag)! };
}
const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll('[role="row"][aria-rowindex]')].filter((r) => r.getAttribute('aria-rowindex') !== '1');

describe('search in the dispute ledger', () => {
  test('a whole phone number, typed with spaces, finds the one dispute; the supervisor still sees it masked', async () => {
    const { c, el } = await story(ledger, ledger.SearchTypical, 'bh-dispute-ledger');
    await until(() => rows(el).length === 1, 10_000);
    expect(shadowText(rows(el)[0])).toContain('EX-20250827-001');
    expect(el.shadowRoot!.textContent).not.toContain('15954125507');
    expect(el.shadowRoot!.textContent).not.toContain('彭长江');
    expect($<HTMLInputElement>(el, '[part="search"]').value).toBe('159 5412 5507');
    await expectNoAxeViolations(c);
  });

  test('a number nobody on file has: nothing matches, said so; a search of 201 characters is refused naming `query`', async () => {
    const none = await story(ledger, ledger.SearchNoMatch, 'bh-dispute-ledger');
    await until(() => shadowText(none.el).includes('没有符合筛选条件的纠纷'), 10_000);
    expect(rows(none.el)).toHaveLength(0);
    cleanup();
    const bad = await story(ledger, ledger.SearchInvalid, 'bh-dispute-ledger');
    await until(() => !!bad.el.shadowRoot!.querySelector('[part~="problem"]'), 10_000);
    expect(shadowText(bad.el.shadowRoot!.querySelector('[part~="problem"]'))).toContain('query');
  });

  test('3,000 disputes searched by a community: every one of its disputes', async () => {
    const { el } = await story(ledger, ledger.SearchLarge, 'bh-dispute-ledger');
    await until(() => /750/.test(shadowText(el.shadowRoot!.querySelector('[part~="summary"]'))), 20_000);
  });
});

describe('decline and referral at intake', () => {
  test('declined as already in litigation: recorded with its reason and the court, the status names it', async () => {
    const { c, el } = await story(intake, intake.DeclineRecorded, 'bh-dispute-intake');
    await until(() => shadowText($(el, '[part="status"]')).includes('JF-20251120-000321'), 10_000);
    expect(shadowText($(el, '[part="status"]'))).toBe('已登记，不予受理，编号 JF-20251120-000321。');
    const stored = (await el.store!.get('disputes', 'JF-20251120-000321')) as DisputeItem;
    expect(stored.state).toBe('declined');
    expect(stored.data.declined).toMatchObject({ reason: 'inLitigation', advice: '振兴区人民法院' });
    await expectNoAxeViolations(c);
  });

  test('referred to the labour inspectorate, the 12345 item kept; without a body the loop refuses and nothing is recorded', async () => {
    const ok = await story(intake, intake.ReferralRecorded, 'bh-dispute-intake');
    await until(() => shadowText($(ok.el, '[part="status"]')).includes('JF-20251120-000321'), 10_000);
    const stored = (await ok.el.store!.get('disputes', 'JF-20251120-000321')) as DisputeItem;
    expect(stored.data.transfer).toMatchObject({ to: '振兴区劳动保障监察大队' });
    expect(stored.data.hotline).toBe('GD2025111900456');
    cleanup();
    const refused = await story(intake, intake.ReferralRefusedEnglish, 'bh-dispute-intake');
    await until(() => !!refused.el.shadowRoot!.querySelector('.error-summary'), 10_000);
    expect(shadowText($(refused.el, '.error-summary'))).toMatch(/refer|body/i);
    expect((await refused.el.store!.all('disputes')).items).toHaveLength(0);
  });
});

describe('the town–village tree at intake', () => {
  test('a village of another town is refused at the village field, in both languages', async () => {
    const zh = await story(intake, intake.AreasVillageNotInTown, 'bh-dispute-intake');
    await until(() => !!zh.el.shadowRoot!.querySelector('#f-community-error'), 10_000);
    expect(shadowText($(zh.el, '#f-community-error'))).toContain('锦绣社区 不属于 临江街道');
    expect($(zh.el, '#f-community').getAttribute('aria-invalid')).toBe('true');
    expect(await (zh.el as unknown as { accept(): Promise<string | null> }).accept()).toBeNull();
    expect((await zh.el.store!.all('disputes')).items).toHaveLength(0);
    await expectNoAxeViolations(zh.c);
    cleanup();
    const en = await story(intake, intake.AreasVillageNotInTownEnglish, 'bh-dispute-intake');
    await until(() => !!en.el.shadowRoot!.querySelector('#f-community-error'), 10_000);
    expect(shadowText($(en.el, '#f-community-error'))).toContain('锦绣社区 is not in 临江街道');
  });

  test('a tree with a village under two towns is refused in place, naming `areas`', async () => {
    const { el } = await story(intake, intake.AreasMalformedTree, 'bh-dispute-intake');
    await until(() => !!el.shadowRoot!.querySelector('[part~="problem"]'), 10_000);
    expect(shadowText(el.shadowRoot!.querySelector('[part~="problem"]'))).toContain('areas');
  });
});
