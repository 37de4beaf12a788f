// The printed documents, printed for real: each document widget is filled from its record in
// Chromium, printed to PDF (page.pdf(), A4) and the PDF's text read back with pdf.js — one page
// load for all five documents.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build } from 'esbuild';
import type { Browser } from 'playwright';
import { sourcesPlugin } from '../esbuild-sources.ts';
import { launchChromium } from './support/chromium.js';
import { pdfPages, plain } from './support/pdf-text.js';
import { settledCase, supervisionOrder } from '../../stories/support/documents.js';


const ENTRY = `
import '@bihuan/widgets/print-document';
import { settledCase, lawReportRecord, supervisionOrder } from './stories/support/documents.ts';
const kase = settledCase('JF-20251110-0425');
const docs = [
  ['agreement', kase, '振兴区人民调解委员会'],
  ['intake', kase, '振兴区综治中心'],
  ['followUp', kase, '振兴区综治中心'],
  ['supervision', supervisionOrder(), undefined],
  ['lawReport', lawReportRecord(), '振兴区述法评议委员会'],
];
// The mediator (who has the parties sign) prints them in clear; then the supervisor prints the
// agreement and the intake form of the same case: masked, as their views show it.
for (const [kind, record, org, role] of [...docs.map((d) => [...d, 'mediator']), ['agreement', kase, '振兴区人民调解委员会', 'supervisor'], ['intake', kase, '振兴区综治中心', 'supervisor']]) {
  const el = document.createElement('bh-print-document');
  el.setAttribute('document', kind);
  if (org) el.setAttribute('org', org);
  el.setAttribute('viewer-role', role);
  el.record = record;
  document.body.append(el);
}
window.printed = Promise.all([...document.querySelectorAll('bh-print-document')].map((el) => el.updateComplete)).then(() => ({
  total: lawReportRecord().result.shown,
  grade: lawReportRecord().result.grade.label['zh-CN'],
}));
`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('printed documents, printed to PDF in Chromium and read back', () => {
  test('人民调解协议书, 受理登记表, 回访记录, 督办单, 述法评议结果: filled from their records, each on its own A4 sheets', { timeout: 180_000 }, async () => {
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'esm', plugins: [sourcesPlugin], logLevel: 'silent' });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.setContent('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>body{margin:0}</style></head><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text, type: 'module' });
    await page.waitForFunction(() => (window as unknown as { printed?: unknown }).printed !== undefined);
    const law = (await page.evaluate(() => (window as unknown as { printed: Promise<{ total: string; grade: string }> }).printed)) as { total: string; grade: string };
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await page.close();
    expect(problems).toEqual([]);

    const pages = await pdfPages(pdf);
    const all = pages.join('\n');
    // The screen-only toolbar is not printed.
    expect(all).not.toContain('打印');
    // One sheet per document, in order, each starting on its own page.
    const titles = ['人民调解协议书', '矛盾纠纷受理登记表', '矛盾纠纷回访记录', '督办单', '述法评议结果通知书', '人民调解协议书', '矛盾纠纷受理登记表'];
    const starts: number[] = [];
    for (const t of titles) starts.push(pages.findIndex((p, i) => i > (starts.at(-1) ?? -1) && p.startsWith(plain(t))));
    expect(starts.every((s, i) => s >= 0 && (i === 0 || s > starts[i - 1]!)), `titles start pages: ${starts}; pages: ${pages.map((p) => p.slice(0, 60)).join(" | ")}`).toBe(true);
    // None runs beyond two A4 pages.
    expect([...starts.slice(1), pages.length].map((end, i) => end - starts[i]!).every((n) => n <= 2), pages.map((p) => p.slice(0, 30)).join(' | ')).toBe(true);
    const sheet = (i: number) => pages.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : undefined).join('');

    const agreement = sheet(0);
    for (const text of ['编号：JF-20251110-0425', '申请人陈建国', '被申请人李秀英', '邻里噪声纠纷', '降低生活噪声', '加强沟通谅解', '经调解，自愿达成如下协议', '当事人（申请人）：陈建国', '人民调解员', '振兴区人民调解委员会（印章）', '2025年11月10日']) {
      expect(agreement, text).toContain(plain(text));
    }
    const intake = sheet(1);
    for (const text of ['受理日期2025年11月10日', '来访（中心窗口）', '站前街道', '锦绣社区', '噪声扰民', '陈建国', settledCase().data.parties[0]!.phone!, '分流意见：分流至', '受理人']) expect(intake, text).toContain(plain(text));
    const followUp = sheet(2);
    for (const text of ['回访方式电话回访', '已按协议履行', '满意度满意', '被回访人陈建国', '可以销号']) expect(followUp, text).toContain(plain(text));
    const order = sheet(3);
    const so = supervisionOrder();
    const [y, m, d] = so.data.dueDate.split('-').map(Number);
    for (const text of [`编号：${so.id}`, `矛盾纠纷${so.data.target.id}：${so.data.target.title}`, `督办单位${so.data.issuedBy}（街道（乡镇））`, `承办单位${so.data.addressee}`, `${y}年${m}月${d}日前`, so.data.instruction, `督办人：${so.history[0]!.actor.id}`]) expect(order, text).toContain(plain(text));
    const result = sheet(4);
    for (const text of ['被评议单位振兴区司法局', '述法人王局长（局长）', '2025年度', `总分${law.total}`, `评议等次${law.grade}（12个单位中第3名）`, '合同合法性审查流于形式']) expect(result, text).toContain(plain(text));

    // Printed by the mediator: full names and the ID number, as the parties sign them.
    const applicant = settledCase().data.parties[0]!;
    expect(intake).toContain(plain(applicant.idNumber!));
    // Printed by the supervisor, whose role sees personal data masked: names, phones, ID numbers
    // and addresses print masked (陈*国, 138****1234, 210603********1234), never in clear.
    const maskedAgreement = sheet(5);
    const maskedIntake = sheet(6);
    for (const text of ['当事人（申请人）：陈**', '申请人陈**', '138****1234', '经调解，自愿达成如下协议']) expect(maskedAgreement, text).toContain(plain(text));
    for (const text of ['陈**', '138****1234', '210603********1234', '辽宁省丹东市']) expect(maskedIntake, text).toContain(plain(text));
    for (const sheetText of [maskedAgreement, maskedIntake]) {
      for (const secret of ['陈建国', '李秀英', applicant.phone!, applicant.idNumber!, '锦绣小区3号楼502']) expect(sheetText, secret).not.toContain(plain(secret));
    }
  });
});
