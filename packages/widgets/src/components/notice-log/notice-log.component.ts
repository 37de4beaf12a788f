import { html, type PropertyDeclarations } from 'lit';
import { NOTICE_KEYS, defaultDepartmentRegistry, recipientKey, type Notice, type NoticeRecipient } from '@bihuan/core/dispute';
import { ESCALATION_CHAINS } from '@bihuan/core/loop';
import { maskPhone } from '@bihuan/core/privacy';
import type { Locale } from '@bihuan/core/schema';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { themeStyles } from '../../internal/styles.js';
import { noticeLogMessages, type NoticeLogMessages } from './notice-log.messages.js';
import { noticeLogStyles } from './notice-log.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { booleanGuard, isObject, listGuard, textGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';
import { labelled } from '../../internal/words.js';

/** At most this many notices in one log (a county's month of SMS is far fewer). */
const MAX_NOTICES = 20_000;
const KEYS: ReadonlySet<string> = new Set(NOTICE_KEYS);

/** One entry as read: a notice that can be shown, or the reason it cannot (by field). */
type Entry = { readonly ok: true; readonly index: number; readonly notice: Notice; readonly ms: number } | { readonly ok: false; readonly index: number; readonly field: string };

/** Checks one entry field by field: the first field that is wrong is the one named. */
export function readNotice(value: unknown, index: number): Entry {
  if (!isObject(value)) return { ok: false, index, field: 'entry' };
  const n = value as Partial<Record<keyof Notice, unknown>>;
  if (typeof n.key !== 'string' || !KEYS.has(n.key)) return { ok: false, index, field: 'key' };
  if (typeof n.itemId !== 'string' || n.itemId.trim() === '') return { ok: false, index, field: 'itemId' };
  const ms = typeof n.at === 'string' ? Date.parse(n.at) : Number.NaN;
  if (!Number.isFinite(ms)) return { ok: false, index, field: 'at' };
  try {
    recipientKey(n.recipient as NoticeRecipient);
  } catch {
    return { ok: false, index, field: 'recipient' };
  }
  const text = n.text as Record<string, unknown> | undefined;
  if (!isObject(text) || typeof text['zh-CN'] !== 'string' || typeof text.en !== 'string' || text['zh-CN'] === '' || text.en === '') return { ok: false, index, field: 'text' };
  return { ok: true, index, notice: value as Notice, ms };
}

/** Who hears a notice, in the page's language (a department and a level by their own names, a party by their masked phone). */
export function recipientLabel(r: NoticeRecipient, t: NoticeLogMessages, locale: Locale): string {
  switch (r.kind) {
    case 'party':
      // A party by their own phone, masked (a notice carries no name); the id is no word for a reader.
      return typeof r.phone === 'string' && /^[\d\s+-]{7,20}$/.test(r.phone) ? t.partyAt(maskPhone(r.phone)) : t.party;
    case 'department':
      return t.department(defaultDepartmentRegistry.get(r.departmentId)?.name[locale] ?? r.departmentId);
    case 'centre':
      return t.centre[r.role] ?? r.role;
    case 'level': {
      const chain = (ESCALATION_CHAINS as Record<string, { levels: readonly { id: string; label: Readonly<Record<Locale, string>> }[] }>)[r.chain];
      return t.level(chain?.levels.find((l) => l.id === r.level)?.label[locale] ?? r.level);
    }
    case 'staff':
      return t.staff(r.staffId);
  }
}

/**
 * A read-only log of the notices core made (`noticesFor`, `dueNotices`, `receptionNoticesFor`):
 * newest first, each with its time, who hears it and its message in the page's language. An entry
 * that is not a notice is shown in place, naming what is wrong with it; the others still show.
 *
 * @tagname bh-notice-log
 * @summary Lists the notices sent to parties, departments, the centre, higher levels and handlers.
 *
 * @csspart base - The log (a `<section>`).
 * @csspart heading - The log's heading.
 * @csspart count - How many notices, and how many cannot be shown.
 * @csspart list - The list of notices (an `<ol>`).
 * @csspart notice - One notice.
 * @csspart time - A notice's time.
 * @csspart recipient - Who hears a notice.
 * @csspart text - A notice's message.
 * @csspart invalid - An entry that is not a notice, with what is wrong.
 * @csspart empty - The line shown when there are no notices.
 * @csspart problem - The in-place message shown when the whole list is refused.
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text colour.
 * @cssprop [--bh-color-surface=#ffffff] - Background.
 * @cssprop [--bh-color-border=#d0d7de] - Border and separators.
 * @cssprop [--bh-color-bad=#b42318] - Entries that cannot be shown.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Inner spacing.
 * @cssprop [--bh-notice-log-max-height=32rem] - Height after which the list scrolls (it is then focusable, to scroll by keyboard).
 *
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The list was refused (not an array, or too long).
 */
export class BhNoticeLog extends BihuanElement {
  static override styles = [themeStyles, noticeLogStyles];

  static override properties: PropertyDeclarations = {
    notices: { attribute: false, guard: listGuard({ 'zh-CN': `通知的数组（至多 ${MAX_NOTICES} 条）`, en: `an array of notices (at most ${MAX_NOTICES})` }, MAX_NOTICES) },
    label: { type: String, guard: textGuard(200) },
    noHeading: { type: Boolean, attribute: 'no-heading', guard: booleanGuard },
  };

  /** The notices to show, as core makes them. */
  notices: readonly unknown[] = [];
  /** The heading (default 通知记录 / Notices). */
  label = '';
  /** Leaves the heading out (the host page has its own); the log keeps it as its accessible name. */
  noHeading = false;

  protected override renderContent(): unknown {
    const t = noticeLogMessages[this.locale];
    const entries = this.notices.map((n, i) => readNotice(n, i));
    const invalid = entries.filter((e): e is Extract<Entry, { ok: false }> => !e.ok);
    const shown = entries.filter((e): e is Extract<Entry, { ok: true }> => e.ok).sort((a, b) => b.ms - a.ms || a.index - b.index);
    const heading = this.label || t.heading;
    const total = entries.length;
    const count = invalid.length === 0 ? t.count(formatNumber(total)) : t.countWithInvalid(formatNumber(total), formatNumber(shown.length), formatNumber(invalid.length));
    return html`<section class="log" part="base" aria-labelledby="heading">
      <h2 class=${this.noHeading ? 'visually-hidden' : 'heading'} part="heading" id="heading">${heading}</h2>
      ${total === 0
        ? html`<p class="empty" part="empty">${t.empty}</p>`
        : html`<p class="count" part="count">${count}</p>
            <ol class="list" part="list" tabindex="0" aria-labelledby="heading">
              ${invalid.map((e) => html`<li class="invalid" part="invalid">${labelled(t.invalid(String(e.index + 1)), t.fields[e.field] ?? '', this.locale)}</li>`)}
              ${shown.map(({ notice }) => this.renderNotice(notice, t))}
            </ol>`}
    </section>`;
  }

  private renderNotice(n: Notice, t: NoticeLogMessages): unknown {
    const when = n.at.slice(0, 16).replace('T', ' ');
    return html`<li class="notice" part="notice">
      <p class="meta">
        <time part="time" datetime=${n.at}>${when}</time>
        <span class="recipient" part="recipient"><span class="visually-hidden">${labelled(t.recipient, '', this.locale)}</span>${recipientLabel(n.recipient, t, this.locale)}</span>
      </p>
      <p class="text" part="text" lang=${this.locale}>${n.text[this.locale]}</p>
    </li>`;
  }
}

/** The events `<bh-notice-log>` fires, with their `detail` types (all bubble and are composed). */
export type BhNoticeLogEventMap = BihuanElementEventMap;

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhNoticeLog { addEventListener: AddTypedListener<BhNoticeLog, BhNoticeLogEventMap>; removeEventListener: RemoveTypedListener<BhNoticeLog, BhNoticeLogEventMap> }

