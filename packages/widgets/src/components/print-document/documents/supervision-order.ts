import { html, type TemplateResult } from 'lit';
import { dateCN, heading, seal, signature, unfit } from './common.js';
import type { DocumentOptions } from './types.js';

/** What the 督办单 is filled from: the supervision order a higher level issued on an overdue item. */
export interface SupervisionOrderRecord {
  readonly id: string;
  /** The item supervised: its kind in words (矛盾纠纷, 警务任务 …), its number and title. */
  readonly item: { readonly kind: string; readonly id: string; readonly title?: string };
  /** The level that issues it (县综治中心) and the one that must act (镇综治中心). */
  readonly from: string;
  readonly to: string;
  readonly instruction: string;
  /** Why: how overdue the item is, at which stage. */
  readonly reason?: string;
  readonly issuedAt: string;
  /** The supervision order's own deadline (an instant or YYYY-MM-DD). */
  readonly due: string;
  readonly issuedBy?: string;
}

/** 督办单: who supervises whom on which item, why, what to do, by when, with the receipt and the seal. */
export function supervisionOrderDocument(record: unknown, o: DocumentOptions): TemplateResult {
  const r = record as SupervisionOrderRecord | null;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || !r.item || typeof r.instruction !== 'string' || typeof r.due !== 'string') {
    unfit('督办单须由督办记录填写（record 应含 id、item、from、to、instruction、issuedAt、due）', 'the supervision order is filled from its record (id, item, from, to, instruction, issuedAt, due)');
  }
  return html`${heading('督办单', r!.id)}
    <table>
      <tbody>
        <tr><th scope="row">督办事项</th><td colspan="3">${r!.item.kind} ${r!.item.id}${r!.item.title ? `：${r!.item.title}` : ''}</td></tr>
        <tr><th scope="row">督办单位</th><td>${r!.from}</td><th scope="row">承办单位</th><td>${r!.to}</td></tr>
        <tr><th scope="row">下发日期</th><td>${dateCN(r!.issuedAt)}</td><th scope="row">办结时限</th><td>${dateCN(r!.due)}前</td></tr>
        <tr><th scope="row">督办缘由</th><td colspan="3">${r!.reason ?? '逾期未办结'}</td></tr>
      </tbody>
    </table>
    <p><strong>督办要求：</strong></p>
    <div class="box">${r!.instruction}</div>
    <p>请承办单位于办结时限前将办理结果书面报送督办单位；逾期未办结的，将按规定通报并启动问责。</p>
    <p><strong>办理结果：</strong></p>
    <div class="box"></div>
    <div class="signatures">
      ${signature('督办人', r!.issuedBy)}
      ${signature('承办单位签收')}
      <span></span>
      ${seal(o.org || r!.from, r!.issuedAt)}
    </div>`;
}
