// The escalated mark (超期升级, by rule) beyond the dispute case and the reception day: in the task
// checklist, on the supervision board (per unit: the highest level reached and how many), in the
// rectification ledger and in the event permits — the same words and part (`escalated`) from one
// helper, in both languages, axe-clean, and never a button.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import {
  createMemoryStore,
  dispatchMonth,
  escalationsDueAt,
  eventPermitLoop,
  eventPermitStore,
  rectificationLoop,
  rectificationStoreSpec,
  taskOrderLoop,
  taskStoreSpec,
  transition,
  type EventPermitItem,
  type RectificationItem,
  type TaskOrder,
} from '@bihuan/core';
import { exampleCatalog, examplePermitsInProgress, exampleRectificationItems, exampleRoster, exampleTaskOrders } from '@bihuan/core/examples';
import '@bihuan/widgets/task-checklist';
import '@bihuan/widgets/task-supervision';
import '@bihuan/widgets/rectification-ledger';
import '@bihuan/widgets/event-permits';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { until } from './dispute-support.js';
import { ownName } from '../src/internal/words.js';

afterEach(cleanup);

const marks = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~="escalated"]')].map((m) => shadowText(m));
const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll('button')].map((b) => shadowText(b));
const CJK_PUNCTUATION = /[，。、；：（）“”？！]/;

/** Every item due to escalate at `at`, escalated by the scheduler (the events need no cast). */
function escalateTasks(orders: readonly TaskOrder[], at: string): TaskOrder[] {
  const due = new Map(escalationsDueAt(orders, at).map((d) => [d.id, d]));
  return orders.map((o) => {
    const d = due.get(o.id);
    if (!d) return o;
    const r = transition(taskOrderLoop, o, d.event);
    if (!r.ok) throw new Error(r.reason.message.en);
    return r.snapshot;
  });
}

describe('the escalated mark', () => {
  test('<bh-task-checklist>: each escalated order of the officer carries it, beside its state, in both languages', async () => {
    const NOW = '2025-10-22T10:00:00+08:00';
    const roster = exampleRoster({ counties: 1, stationsPerCounty: 1, officersPerStation: 2 });
    const orders = escalateTasks(dispatchMonth({ catalog: exampleCatalog(), roster, month: '2025-10', at: '2025-10-01T08:00:00+08:00' }).orders, NOW);
    const mine = orders.filter((o) => o.data.officer === 'P00001' && o.history.some((h) => h.type === 'escalate'));
    expect(mine.length).toBeGreaterThan(0);
    const store = createMemoryStore(taskStoreSpec);
    await store.bulkPut('orders', orders);
    for (const lang of ['zh-CN', 'en'] as const) {
      const c = await mount(html`<bh-task-checklist officer="P00001" month="2025-10" now=${NOW} .store=${store}></bh-task-checklist>`, lang);
      const el = c.querySelector('bh-task-checklist')!;
      await until(() => marks(el).length > 0);
      expect(marks(el)).toEqual(mine.map(() => (lang === 'en' ? 'escalated to the county police bureau' : '已升级至县（区）公安局')));
      if (lang === 'en') for (const m of marks(el)) expect(m).not.toMatch(CJK_PUNCTUATION);
      expect(buttons(el).some((b) => /升级|escalate/i.test(b))).toBe(false);
      await expectNoAxeViolations(c);
      cleanup();
    }
  });

  test('<bh-task-supervision>: a unit shows the highest level its orders reached and how many, as the period stood at its end', async () => {
    const NOW = '2025-10-27T10:00:00+08:00';
    const roster = exampleRoster({ counties: 2, stationsPerCounty: 2, officersPerStation: 3 });
    const orders = escalateTasks(exampleTaskOrders({ roster, month: '2025-10', now: NOW, doneShare: 0.8 }), NOW);
    const escalated = (county: string) => orders.filter((o) => o.data.county === county && o.history.some((h) => h.type === 'escalate')).length;
    const store = createMemoryStore(taskStoreSpec);
    await store.put('rosters', roster);
    await store.bulkPut('orders', orders);
    const c = await mount(html`<bh-task-supervision now=${NOW} .store=${store}></bh-task-supervision>`);
    const el = c.querySelector('bh-task-supervision')!;
    await until(() => el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr').length === 2);
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="table"] tbody tr')];
    let total = 0;
    for (const county of roster.counties) {
      const row = rows.find((r) => shadowText(r.querySelector('th')).includes(county.name['zh-CN']))!;
      const n = escalated(county.id);
      total += n;
      const mark = row.querySelector('[part~="escalated"]');
      if (n === 0) expect(mark).toBeNull();
      else expect(shadowText(mark)).toBe(`已升级至县（区）公安局（${n} 项）`);
    }
    expect(total).toBeGreaterThan(0);
    await expectNoAxeViolations(c);
    // The week before any order was escalated: as it stood then, no unit is marked.
    el.setAttribute('period', '2025-W40');
    await until(() => shadowText(el).includes('2025-W40'));
    expect(marks(el)).toEqual([]);
  });

  test('<bh-rectification-ledger>: the overdue items escalated by rule are marked; the supervisor gets no escalate button', async () => {
    const NOW = '2026-12-02T10:00:00+08:00';
    const items = exampleRectificationItems(8, 2, { now: NOW });
    const due = escalationsDueAt(items, NOW);
    expect(due.length).toBe(2);
    const escalated: RectificationItem[] = items.map((item) => {
      const d = due.find((x) => x.id === item.id);
      if (!d) return item;
      const r = transition(rectificationLoop, item, d.event);
      if (!r.ok) throw new Error(r.reason.message.en);
      return r.snapshot;
    });
    const store = createMemoryStore(rectificationStoreSpec);
    await store.bulkPut('items', escalated);
    for (const lang of ['zh-CN', 'en'] as const) {
      const c = await mount(html`<bh-rectification-ledger viewer-role="supervisor" viewer-id="sup" now=${NOW} .store=${store}></bh-rectification-ledger>`, lang);
      const el = c.querySelector('bh-rectification-ledger')!;
      await until(() => marks(el).length === 2);
      expect(marks(el)).toEqual(lang === 'en' ? ['escalated to the supervising office', 'escalated to the supervising office'] : ['已升级至督办部门', '已升级至督办部门']);
      // Both marked rows are the escalated items.
      const markedRows = [...el.shadowRoot!.querySelectorAll('tbody tr')].filter((r) => r.querySelector('[part~="escalated"]'));
      expect(markedRows.map((r) => due.some((d) => shadowText(r).includes(d.id)))).toEqual([true, true]);
      expect(buttons(el).some((b) => /升级|escalate/i.test(b))).toBe(false);
      await expectNoAxeViolations(c);
      cleanup();
    }
  });

  test('<bh-event-permits>: a review past its 7 working days is marked escalated to the county bureau; no role is offered the escalation', async () => {
    const NOW = '2026-07-10T10:00:00+08:00';
    const items = examplePermitsInProgress('2026-06-20');
    const due = escalationsDueAt(items, NOW);
    expect(due.map((d) => d.to)).toEqual(['county']);
    const escalated: EventPermitItem[] = items.map((item) => {
      const d = due.find((x) => x.id === item.id);
      if (!d) return item;
      const r = transition(eventPermitLoop, item, d.event);
      if (!r.ok) throw new Error(r.reason.message.en);
      return r.snapshot;
    });
    const store = createMemoryStore(eventPermitStore);
    await store.bulkPut('permits', escalated);
    for (const [lang, role] of [['zh-CN', 'reviewer'], ['en', 'organizer']] as const) {
      const c = await mount(html`<bh-event-permits viewer-role=${role} now=${NOW} .store=${store}></bh-event-permits>`, lang);
      const el = c.querySelector('bh-event-permits')!;
      await until(() => marks(el).length === 1);
      expect(marks(el)).toEqual([lang === 'en' ? 'escalated to the county police bureau' : '已升级至县（区）公安局']);
      const row = el.shadowRoot!.querySelector('[part~="escalated"]')!.closest('tr')!;
      const underReview = escalated.find((i) => i.state === 'underReview')!;
      expect(due[0]!.id).toBe(underReview.id);
      // The event's name as the page shows it: in English, our own example names in English.
      expect(shadowText(row)).toContain(ownName(underReview.data.name, lang));
      expect(buttons(el).some((b) => /升级|escalate/i.test(b))).toBe(false);
      await expectNoAxeViolations(c);
      cleanup();
    }
  });
});
