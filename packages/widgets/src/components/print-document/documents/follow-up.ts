import { html, type TemplateResult } from 'lit';
import { FOLLOW_UP_METHOD_LABELS, SATISFACTION_LABELS } from '@bihuan/core/dispute';
import { dateCN, disputeOf, heading, seal, signature, unfit } from './common.js';
import type { DocumentOptions } from './types.js';

/** 回访记录: the latest follow-up of a dispute — how, when, whether the agreement is kept, how satisfied the party is. */
export function followUpDocument(record: unknown, o: DocumentOptions): TemplateResult {
  const d = disputeOf(record, '回访记录');
  const f = d.data.followUps.at(-1);
  if (!f) unfit(`纠纷 ${d.id} 尚无回访，不能打印回访记录`, `dispute ${d.id} has no follow-up yet: there is no record to print`);
  const visit = [...d.history].reverse().find((h) => h.type === 'recordFollowUp');
  const applicant = d.data.parties.find((p) => p.side === 'applicant');
  const kept = f!.agreementKept === null ? '（移送案件，无协议）' : f!.agreementKept ? '已按协议履行' : '未按协议履行';
  return html`${heading('矛盾纠纷回访记录', d.id)}
    <table>
      <tbody>
        <tr><th scope="row">纠纷名称</th><td colspan="3">${d.data.title}</td></tr>
        <tr><th scope="row">回访方式</th><td>${FOLLOW_UP_METHOD_LABELS[f!.method]?.['zh-CN'] ?? f!.method}</td><th scope="row">回访时间</th><td>${dateCN(f!.at)}</td></tr>
        <tr><th scope="row">被回访人</th><td>${applicant?.name ?? ''}</td><th scope="row">联系电话</th><td>${applicant?.phone ?? ''}</td></tr>
        <tr><th scope="row">协议履行情况</th><td colspan="3">${kept}</td></tr>
        <tr><th scope="row">满意度</th><td colspan="3">${SATISFACTION_LABELS[f!.satisfaction]?.['zh-CN'] ?? f!.satisfaction}</td></tr>
      </tbody>
    </table>
    <p><strong>回访情况记录：</strong></p>
    <div class="box">${f!.findings ?? ''}</div>
    <p><strong>回访结论：</strong>${f!.passed ? '协议履行良好，当事人无异议，可以销号。' : '需重新调解或继续跟踪。'}</p>
    <div class="signatures">
      ${signature('被回访人', applicant?.name)}
      ${signature('回访人', visit?.actor.name ?? f!.by)}
      <span></span>
      ${seal(o.org, f!.at)}
    </div>`;
}
