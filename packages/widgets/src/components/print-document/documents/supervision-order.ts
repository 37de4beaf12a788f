import { html, type TemplateResult } from 'lit';
import { ESCALATION_CHAINS } from '@bihuan/core/loop';
import { SUPERVISED_LOOP_LABELS, type SupervisionItem } from '@bihuan/core/supervision';
import { dateCN, heading, seal, signature, unfit } from './common.js';
import type { DocumentOptions } from './types.js';

/** The issuing level's name (街道（乡镇）), from the order's escalation chain. */
function levelName(chain: string, level: string): string {
  const c = (ESCALATION_CHAINS as Record<string, { levels: readonly { id: string; label: { 'zh-CN': string } }[] }>)[chain];
  return c?.levels.find((l) => l.id === level)?.label['zh-CN'] ?? level;
}

/**
 * 督办单: filled from a supervision order (`issueSupervisionOrder`'s item): which item, who
 * supervises whom, what to do and by when, the answer when there is one, the receipt and the seal.
 */
export function supervisionOrderDocument(record: unknown, o: DocumentOptions): TemplateResult {
  const r = record as SupervisionItem | null;
  const d = r?.data;
  if (!r || typeof r !== 'object' || typeof r.id !== 'string' || !d || !d.target || typeof d.instruction !== 'string' || typeof d.dueDate !== 'string') {
    unfit('督办单须由督办记录填写（record 应为 issueSupervisionOrder 所开的督办单）', 'the supervision order is filled from its record (record must be an order issueSupervisionOrder made)');
  }
  const issuer = r!.history[0]?.actor;
  const answer = d!.responses.at(-1);
  const kind = SUPERVISED_LOOP_LABELS[d!.target.loop]?.['zh-CN'] ?? d!.target.loop;
  return html`${heading('督办单', r!.id)}
    <table>
      <tbody>
        <tr><th scope="row">督办事项</th><td colspan="3">${kind} ${d!.target.id}${d!.target.title ? `：${d!.target.title}` : ''}</td></tr>
        <tr><th scope="row">督办单位</th><td>${d!.issuedBy}（${levelName(d!.chain, d!.level)}）</td><th scope="row">承办单位</th><td>${d!.addressee}</td></tr>
        <tr><th scope="row">下发日期</th><td>${dateCN(r!.createdAt)}</td><th scope="row">办结时限</th><td>${dateCN(d!.dueDate)}前</td></tr>
        <tr><th scope="row">督办缘由</th><td colspan="3">逾期未办结，按规则升级至${levelName(d!.chain, d!.level)}督办${d!.reissues.length ? `（第 ${d!.reissues.length + 1} 次督办：${d!.reissues.at(-1)!.reason}）` : ''}</td></tr>
      </tbody>
    </table>
    <p><strong>督办要求：</strong></p>
    <div class="box">${d!.instruction}</div>
    <p>请承办单位于办结时限前将办理结果书面报送督办单位；逾期未办结的，将按规定通报并启动问责。</p>
    <p><strong>办理结果：</strong></p>
    <div class="box">${answer ? `${answer.response}（${dateCN(answer.at)}反馈${answer.late ? '，已逾期' : ''}）` : ''}</div>
    <div class="signatures">
      ${signature('督办人', issuer?.name ?? issuer?.id)}
      ${signature('承办单位签收')}
      <span></span>
      ${seal(o.org || d!.issuedBy, r!.createdAt)}
    </div>`;
}
