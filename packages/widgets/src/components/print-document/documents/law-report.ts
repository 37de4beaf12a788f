import { html, type TemplateResult } from 'lit';
import type { ScoredEvaluation } from '@bihuan/core/evaluation';
import { dateCN, heading, seal, signature, unfit } from './common.js';
import type { DocumentOptions } from './types.js';

/** What the 述法评议结果 is filled from: the unit and leader evaluated, the period, and `scoreEvaluation`'s result. */
export interface LawReportRecord {
  readonly id: string;
  /** The unit evaluated (被评议单位). */
  readonly unit: string;
  /** The leader who reported (述法人) and their post. */
  readonly reporter: string;
  readonly post?: string;
  /** The year or period reported on (2026年度). */
  readonly period: string;
  /** The day of the evaluation meeting (YYYY-MM-DD). */
  readonly date: string;
  readonly result: ScoredEvaluation;
  /** Place among the units evaluated together. */
  readonly rank?: { readonly position: number; readonly of: number };
  /** What the evaluation found to rectify (the double closed loop's start). */
  readonly findings?: readonly string[];
}

/** 述法评议结果: the score by dimension as shown (adding up to the total), the grade, the rank, what to rectify. */
export function lawReportDocument(record: unknown, o: DocumentOptions): TemplateResult {
  const r = record as LawReportRecord | null;
  if (!r || typeof r !== 'object' || typeof r.unit !== 'string' || !r.result || r.result.ok !== true || !Array.isArray(r.result.breakdown)) {
    unfit('述法评议结果须由评分结果填写（record 应含 unit、reporter、period 和 scoreEvaluation 的成功结果）', 'the evaluation result is filled from a score (record needs unit, reporter, period and a successful scoreEvaluation result)');
  }
  const res = r!.result;
  return html`${heading('述法评议结果通知书', r!.id)}
    <table>
      <tbody>
        <tr><th scope="row">被评议单位</th><td>${r!.unit}</td><th scope="row">述法人</th><td>${r!.reporter}${r!.post ? `（${r!.post}）` : ''}</td></tr>
        <tr><th scope="row">述法期间</th><td>${r!.period}</td><th scope="row">评议日期</th><td>${dateCN(r!.date)}</td></tr>
      </tbody>
    </table>
    <table>
      <caption class="note">评议得分</caption>
      <thead><tr><th scope="col">评议维度</th><th scope="col">得分</th></tr></thead>
      <tbody>
        ${res.breakdown.map((b, i) => html`<tr><td>${b.label['zh-CN']}</td><td>${res.shownParts.contributions[i]}</td></tr>`)}
        ${res.shownParts.bonus !== '0' ? html`<tr><td>加分</td><td>${res.shownParts.bonus}</td></tr>` : ''}
        ${res.shownParts.penalty !== '0' ? html`<tr><td>扣分</td><td>${res.shownParts.penalty}</td></tr>` : ''}
        <tr><th scope="row">总分</th><td><strong>${res.shown}</strong></td></tr>
        <tr><th scope="row">评议等次</th><td><strong>${res.grade.label['zh-CN']}</strong>${r!.rank ? `（${r!.rank.of} 个单位中第 ${r!.rank.position} 名）` : ''}</td></tr>
      </tbody>
    </table>
    <p><strong>需整改的问题：</strong></p>
    <div class="box">${r!.findings?.length ? html`<ol>${r!.findings.map((f) => html`<li>${f}</li>`)}</ol>` : '无'}</div>
    <p>评议结果纳入年度考核，作为干部考察使用的参考。请被评议单位于收到本通知之日起按问题清单建立整改台账，限期整改并报送整改情况。</p>
    <div class="signatures">
      ${signature('述法人签收', r!.reporter)}
      <span></span>
      <span></span>
      ${seal(o.org, r!.date)}
    </div>`;
}
