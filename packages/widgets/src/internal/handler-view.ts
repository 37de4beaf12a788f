// The named handler (承办人) in a store-backed loop list: the fields of "assign" and "reassign",
// the handler shown beside the body, and the "my cases" (我的案件) switch.
import { css, html, nothing, type TemplateResult } from 'lit';
import { handledBy, handlerOf } from '@bihuan/core/loop';
import type { Locale } from '@bihuan/core/schema';
import type { ActionField, ActionTable } from './action-form.js';

const TEXTS = {
  'zh-CN': {
    handler: '承办人编号',
    name: '承办人姓名',
    unit: '承办人所在单位（须为本件的承办单位）',
    reason: '改派理由',
    shown: (name: string, id: string) => `承办人：${name}（${id}）`,
    mine: '我的案件',
    noneMine: '没有由您承办的事项。',
  },
  en: {
    handler: 'Handler id',
    name: 'Handler name',
    unit: 'Handler’s body (the body the item is assigned to)',
    reason: 'Reason for reassigning',
    shown: (name: string, id: string) => `Handler: ${name} (${id})`,
    mine: 'My cases',
    noneMine: 'Nothing is assigned to you as handler.',
  },
} as const;

/** Naming the handler (承办人) of an item and reassigning it (with a reason): the rows of a list's action table. */
export const HANDLER_ACTIONS: ActionTable<'assignHandler' | 'reassignHandler', { readonly locale: Locale }> = {
  assignHandler: { fields: ({ locale }) => handlerFields(TEXTS[locale], false) },
  reassignHandler: { fields: ({ locale }) => handlerFields(TEXTS[locale], true) },
};

function handlerFields(t: (typeof TEXTS)[Locale], reassign: boolean): readonly ActionField[] {
  return [
    { name: 'handler', label: t.handler, kind: 'text' },
    { name: 'name', label: t.name, kind: 'text' },
    { name: 'unit', label: t.unit, kind: 'text' },
    ...(reassign ? [{ name: 'reason', label: t.reason, kind: 'text' } as const] : []),
  ];
}

/** "承办人：name（id）" under the body's name, or nothing when no handler is named. */
export function handlerLine(item: { readonly data?: unknown }, locale: Locale): TemplateResult | typeof nothing {
  const h = handlerOf(item);
  return h ? html`<br /><span class="muted handler">${TEXTS[locale].shown(h.name, h.id)}</span>` : nothing;
}

/** Only the items the viewer handles, when `mine` is on. */
export function mineOnly<T extends { readonly data?: unknown }>(items: readonly T[], mine: boolean, viewerId: string): readonly T[] {
  return mine && viewerId ? handledBy(items, viewerId) : items;
}

/** The 我的案件 switch (shown when the viewer has an id of their own). */
export function mineSwitch(locale: Locale, viewerId: string, mine: boolean, change: (mine: boolean) => void): TemplateResult | typeof nothing {
  if (!viewerId || viewerId === 'viewer') return nothing;
  return html`<label class="mine-switch"><input type="checkbox" part="mine" .checked=${mine} @change=${(e: Event) => change((e.target as HTMLInputElement).checked)} />${TEXTS[locale].mine}</label>`;
}

/** The empty line of the "my cases" view. */
export const noneMine = (locale: Locale): string => TEXTS[locale].noneMine;

export const handlerViewStyles = css`
  .mine-switch {
    display: inline-flex;
    gap: 6px;
    align-items: center;
    font-weight: 600;
  }
`;
