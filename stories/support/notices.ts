// Notices for the stories and the browser tests, made by core from real steps of a dispute: the
// case accepted (to the applicant), routed (to each department), escalated when its stage ran
// over (to the sub-district), a handler named, and its follow-up coming due (to the intake desk).
import { type DisputeItem, type Notice, disputeLoop, dueNotices, escalationsDueAt, noticesFor, transition } from '@bihuan/core';
import { ACTORS, accept, walk } from './disputes.js';

/** One event sent as the scheduler or a supervisor would, and the notices that step calls for. */
function step(before: DisputeItem, event: Parameters<typeof transition>[2]): { after: DisputeItem; notices: Notice[] } {
  const r = transition(disputeLoop, before, event as never);
  if (!r.ok) throw new Error(`${(event as { type: string }).type}: ${r.reason.message.en}`);
  const after = r.snapshot as DisputeItem;
  return { after, notices: noticesFor(before, after) };
}

/** Every notice one dispute's life calls for, from acceptance to its follow-up coming due. */
export function caseNotices(id: string, at: string): Notice[] {
  const accepted = accept(id, at);
  const out = noticesFor(null, accepted);
  const routed = walk(accepted, ['route']);
  out.push(...noticesFor(accepted, routed));
  // The routed stage runs over: the scheduler escalates it a minute after its deadline.
  const late = new Date(Date.parse(routed.deadline!) + 60_000).toISOString();
  const due = escalationsDueAt([routed], late)[0];
  let current = routed;
  if (due !== undefined) {
    const escalated = step(routed, due.event);
    out.push(...escalated.notices);
    current = escalated.after;
  }
  const named = step(current, { type: 'assignHandler', actor: ACTORS.supervisor, at: new Date(Date.parse(current.updatedAt) + 3_600_000).toISOString(), payload: { handler: 'mediator-wang', name: '王调解', unit: 'judicialAdministration' } });
  out.push(...named.notices);
  const settled = walk(named.after, ['mediate', 'settle']);
  // Half a day before the follow-up is due, the scheduler's check finds it.
  out.push(...dueNotices([settled], new Date(Date.parse(settled.deadline!) - 12 * 3_600_000).toISOString()));
  return out;
}

/** The source's noise case, step by step. */
export function typicalNotices(): Notice[] {
  return caseNotices('JF-20251110-0425', '2025-11-10T09:00:00+08:00');
}

/** At least `n` notices: one case a day for as many days as it takes. */
export function manyNotices(n: number): Notice[] {
  const out: Notice[] = [];
  const start = Date.parse('2025-06-02T09:00:00+08:00');
  for (let i = 0; out.length < n; i++) out.push(...caseNotices(`JF-2025-${String(i + 1).padStart(4, '0')}`, new Date(start + i * 86_400_000).toISOString()));
  return out;
}

/** The noise case's notices with entries a host might pass by mistake: each is shown in place. */
export function noticesWithMistakes(): unknown[] {
  const good = typicalNotices();
  const first = good[0]!;
  return [
    ...good,
    { ...first, recipient: { kind: 'neighbour', id: 'x' } },
    { ...first, at: '昨天' },
    { ...first, text: { 'zh-CN': first.text['zh-CN'] } },
    '短信已发送',
  ];
}
