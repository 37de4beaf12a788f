import { html, type TemplateResult } from 'lit';
import { CHANNEL_LABELS, DISPUTE_CATEGORY_LABELS, defaultDepartmentRegistry } from '@bihuan/core/dispute';
import { actorName, dateCN, disputeOf, heading, seal, signature } from './common.js';
import type { DocumentOptions } from './types.js';

/** 受理登记表: when and how the dispute came in, where, the parties, the facts, the routing opinion, who registered it. */
export function intakeFormDocument(record: unknown, o: DocumentOptions): TemplateResult {
  const d = disputeOf(record, '受理登记表');
  const x = d.data;
  const routed = x.routing?.departments.map((id) => defaultDepartmentRegistry.get(id)?.name['zh-CN'] ?? id).join('、');
  return html`${heading('矛盾纠纷受理登记表', d.id)}
    <table>
      <tbody>
        <tr><th scope="row">受理日期</th><td>${dateCN(d.createdAt)}</td><th scope="row">来源</th><td>${CHANNEL_LABELS[x.channel]?.['zh-CN'] ?? x.channel}${x.hotline ? `（12345 工单 ${x.hotline}）` : ''}</td></tr>
        <tr><th scope="row">乡镇（街道）</th><td>${x.town}</td><th scope="row">村（社区）</th><td>${x.community}</td></tr>
        <tr><th scope="row">纠纷类别</th><td>${DISPUTE_CATEGORY_LABELS[x.category]?.['zh-CN'] ?? x.category}</td><th scope="row">网格员</th><td>${x.reportedBy?.name ?? '—'}</td></tr>
        <tr><th scope="row">纠纷名称</th><td colspan="3">${x.title}</td></tr>
      </tbody>
    </table>
    <table>
      <caption class="note">当事人</caption>
      <thead><tr><th scope="col">身份</th><th scope="col">姓名</th><th scope="col">联系电话</th><th scope="col">身份证号</th><th scope="col">住址</th></tr></thead>
      <tbody>
        ${x.parties.map((p) => html`<tr><td>${p.side === 'applicant' ? '申请人' : '被申请人'}</td><td>${p.name}</td><td>${p.phone ?? ''}</td><td>${p.idNumber ?? ''}</td><td>${p.address ?? ''}</td></tr>`)}
      </tbody>
    </table>
    <p><strong>纠纷简要情况：</strong></p>
    <div class="box">${x.description}</div>
    <p><strong>分流意见：</strong>${routed ? `分流至${routed}${x.routing?.joint ? '，联合调解' : ''}` : '待分流'}</p>
    <div class="signatures">
      ${signature('申请人', x.parties.find((p) => p.side === 'applicant')?.name)}
      ${signature('受理人', actorName(d, 'created') ?? d.history[0]?.actor.name ?? d.history[0]?.actor.id)}
      <span></span>
      ${seal(o.org, d.createdAt)}
    </div>`;
}
