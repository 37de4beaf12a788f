import { html, type TemplateResult } from 'lit';
import { BihuanError } from '@bihuan/core/schema';
import type { DisputeItem } from '@bihuan/core/dispute';

/** A date as official documents write it: 2025年9月26日 (China time for an instant). */
export function dateCN(value: string | undefined): string {
  if (!value) return '    年  月  日';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : new Date(Date.parse(value) + 8 * 3_600_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The document's title, its number on the right. */
export const heading = (title: string, number: string): TemplateResult => html`<h1>${title}</h1>
  <p class="number">编号：${number}</p>`;

/** A place to sign (name written, or a blank line), with the date line under it. */
export const signature = (label: string, name?: string): TemplateResult =>
  html`<div class="sign">${label}：<span class="line">${name ?? ''}</span><br /><span class="note">（签名或按指印）</span></div>`;

/** The round place for the body's seal, with its name. */
export const seal = (body: string, date?: string): TemplateResult => html`<div class="seal"><span>${body}<br />（印章）<br />${dateCN(date)}</span></div>`;

/** Refused in place when the record cannot fill the document. */
export const unfit = (zh: string, en: string): never => {
  throw new BihuanError('document_unfit', { 'zh-CN': zh, en });
};

/** A dispute's snapshot, checked enough to fill a form from it. */
export function disputeOf(record: unknown, doc: string): DisputeItem {
  const r = record as DisputeItem | null;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || !r.data || !Array.isArray(r.data.parties) || !Array.isArray(r.history)) {
    unfit(`${doc}须由纠纷记录填写（record 应为纠纷台账中的一件）`, `the ${doc} is filled from a dispute record (record must be a dispute from the ledger)`);
  }
  return r!;
}

/** The name an actor of the history gave (or their id). */
export const actorName = (d: DisputeItem, type: string): string | undefined => {
  const e = [...d.history].reverse().find((h) => h.type === type);
  return e ? (e.actor.name ?? e.actor.id) : undefined;
};
