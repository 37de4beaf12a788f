// Escalation (超期升级) as the item views show it: a mark beside the state ("已升级至街道（乡镇）"),
// the mark of a board's unit (the highest level its items reached, and how many), and the
// timeline's line for an `escalate` entry (from which level to which, the missed deadline).
// Escalation runs by rule (a host's scheduler, `escalationsDueAt`): it is never offered as a button.
import { css, html, nothing, type TemplateResult } from 'lit';
import { parseInstant } from '@bihuan/core/calendar';
import { ESCALATE_EVENT, chainOfLoop, escalationsOf, levelLabel, type EscalationChain, type EscalationRecord, type Snapshot } from '@bihuan/core/loop';
import type { Locale } from '@bihuan/core/schema';
import { formatDeadline } from './deadline.js';
import { counted, formatNumber } from './format.js';

const WORDS = {
  'zh-CN': {
    mark: (level: string) => `已升级至${level}`,
    count: (n: number) => `（${formatNumber(n)} 项）`,
    line: (from: string, to: string, deadline: string) => `${from} → ${to}（超过期限 ${deadline}）`,
  },
  en: {
    mark: (level: string) => `escalated to the ${level}`,
    count: (n: number) => ` (${counted(n, 'item')})`,
    line: (from: string, to: string, deadline: string) => `${from} → ${to} (missed ${deadline})`,
  },
} as const;

/** Events sent by rule, never offered as a person's button. */
export const BY_RULE_EVENTS: readonly string[] = [ESCALATE_EVENT];

/** Whether an event runs by rule only (escalation): leave it out of the buttons a viewer is offered. */
export function byRule(event: string): boolean {
  return BY_RULE_EVENTS.includes(event);
}

/** The item's last escalation up to `asOf` (epoch ms; all of them without), with its chain. */
function lastEscalation(item: Snapshot, asOf?: number): { record: EscalationRecord; chain: EscalationChain } | undefined {
  const chain = chainOfLoop(item.loop.id);
  if (chain === undefined) return undefined;
  const records = escalationsOf(item).filter((r) => asOf === undefined || parseInstant(r.at) <= asOf);
  const record = records[records.length - 1];
  return record === undefined ? undefined : { record, chain };
}

const markOf = (text: string): TemplateResult => html` <span class="escalated" part="escalated">${text}</span>`;

/** The mark of an escalated item (`part="escalated"`), or nothing when it never was. */
export function escalationMark(item: Snapshot, locale: Locale): TemplateResult | typeof nothing {
  const last = lastEscalation(item);
  return last === undefined ? nothing : markOf(WORDS[locale].mark(levelLabel(last.chain, last.record.to)[locale]));
}

/**
 * The mark of a set of items — a board's unit — escalated by `asOf` (epoch ms; "as it stood" at a
 * period's end): the highest level any of them reached and how many were escalated, with the same
 * words and part as an item's mark ("已升级至县（区）公安局（2 项）"); nothing when none was.
 */
export function escalationsMark(items: readonly Snapshot[], locale: Locale, asOf?: number): TemplateResult | typeof nothing {
  let top: { level: string; rank: number; chain: EscalationChain } | undefined;
  let count = 0;
  for (const item of items) {
    const last = lastEscalation(item, asOf);
    if (last === undefined) continue;
    count++;
    const rank = last.chain.levels.findIndex((l) => l.id === last.record.to);
    if (top === undefined || rank > top.rank) top = { level: last.record.to, rank, chain: last.chain };
  }
  if (top === undefined) return nothing;
  const w = WORDS[locale];
  return markOf(`${w.mark(levelLabel(top.chain, top.level)[locale])}${w.count(count)}`);
}

/** An `escalate` history entry's payload as one line of a timeline. */
export function escalationLine(loopId: string, payload: unknown, locale: Locale): string {
  const p = (payload ?? {}) as { from?: unknown; to?: unknown; deadline?: unknown };
  const chain = chainOfLoop(loopId);
  if (chain === undefined || typeof p.from !== 'string' || typeof p.to !== 'string' || typeof p.deadline !== 'string') return '';
  return WORDS[locale].line(levelLabel(chain, p.from)[locale], levelLabel(chain, p.to)[locale], formatDeadline(p.deadline));
}

export const escalationStyles = css`
  .escalated {
    display: inline-block;
    border: 1px solid var(--_bad);
    border-radius: var(--_radius);
    color: var(--_bad);
    font-size: 0.875em;
    padding: 0 0.375em;
    white-space: nowrap;
  }
`;
