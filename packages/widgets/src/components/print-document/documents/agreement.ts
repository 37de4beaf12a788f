import { html, type TemplateResult } from 'lit';
import { DISPUTE_CATEGORY_LABELS } from '@bihuan/core/dispute';
import { actorName, dateCN, disputeOf, heading, seal, signature, unfit } from './common.js';
import type { DocumentOptions } from './types.js';

/** 人民调解协议书: the parties, the facts, the terms agreed, how they are carried out, signatures and the committee's seal. */
export function agreementDocument(record: unknown, o: DocumentOptions): TemplateResult {
  const d = disputeOf(record, '人民调解协议书');
  const outcome = d.data.outcome;
  if (outcome?.kind !== 'settled') unfit(`纠纷 ${d.id} 尚未达成调解协议，不能打印协议书`, `dispute ${d.id} has no settlement yet: there is no agreement to print`);
  const s = outcome!.kind === 'settled' ? outcome!.settlement : undefined;
  const parties = d.data.parties;
  return html`${heading('人民调解协议书', d.id)}
    <table>
      <caption class="note">当事人基本情况</caption>
      <thead><tr><th scope="col">身份</th><th scope="col">姓名</th><th scope="col">联系方式</th><th scope="col">住址</th></tr></thead>
      <tbody>
        ${parties.map((p) => html`<tr><td>${p.side === 'applicant' ? '申请人' : '被申请人'}</td><td>${p.name}</td><td>${p.phone ?? ''}</td><td>${p.address ?? ''}</td></tr>`)}
      </tbody>
    </table>
    <p><strong>纠纷主要事实、争议事项：</strong>（${DISPUTE_CATEGORY_LABELS[d.data.category]?.['zh-CN'] ?? d.data.category}）${d.data.title}。${d.data.description}</p>
    <p><strong>经调解，自愿达成如下协议：</strong></p>
    <ol>
      ${s!.terms.map((t) => html`<li>${t}</li>`)}
    </ol>
    <p><strong>履行方式、时限：</strong>自${dateCN(s!.date)}起履行；${o.org}将通过电话回访或上门走访跟踪履行情况。</p>
    <p>本协议经各方当事人签名（盖章或按指印）、人民调解员签名并加盖人民调解委员会印章后生效。本协议一式 ${parties.length + 1} 份，当事人各持一份，人民调解委员会留存一份。</p>
    <div class="signatures">
      ${parties.map((p) => signature(`当事人（${p.side === 'applicant' ? '申请人' : '被申请人'}）`, p.name))}
      ${signature('人民调解员', actorName(d, 'settle'))}
      ${seal(o.org, s!.date)}
    </div>`;
}
