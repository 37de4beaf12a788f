// Escalation (超期升级) as the item views show it: a mark beside the state ("已升级至街道（乡镇）")
// and the timeline's line for an `escalate` entry (from which level to which, the missed deadline).
import { css, html, nothing, type TemplateResult } from 'lit';
import { chainOfLoop, escalationsOf, levelLabel, type Snapshot } from '@bihuan/core/loop';
import type { Locale } from '@bihuan/core/schema';
import { formatDeadline } from './format.js';

const WORDS = {
  'zh-CN': { mark: (level: string) => `已升级至${level}`, line: (from: string, to: string, deadline: string) => `${from} → ${to}（超过期限 ${deadline}）` },
  en: { mark: (level: string) => `escalated to the ${level}`, line: (from: string, to: string, deadline: string) => `${from} → ${to} (missed ${deadline})` },
} as const;

/** The mark of an escalated item (`part="escalated"`), or nothing when it never was. */
export function escalationMark(item: Snapshot, locale: Locale): TemplateResult | typeof nothing {
  const records = escalationsOf(item);
  const last = records[records.length - 1];
  const chain = chainOfLoop(item.loop.id);
  if (last === undefined || chain === undefined) return nothing;
  return html` <span class="escalated" part="escalated">${WORDS[locale].mark(levelLabel(chain, last.to)[locale])}</span>`;
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
