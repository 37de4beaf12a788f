// The printed documents, printed for real: each document widget is filled from its record in
// Chromium, printed to PDF (page.pdf(), A4) and the PDF's text read back with pdf.js — one page
// load for all five documents.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, type Plugin } from 'esbuild';
import type { Browser } from 'playwright';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { sourceAliases } from '../aliases.ts';
import { launchChromium } from './support/chromium.js';
import { settledCase } from '../../stories/support/documents.js';

/** Maps `@bihuan/*` onto the sources, as the tests' own aliases do. */
const sources: Plugin = {
  name: 'bihuan-sources',
  setup(b) {
    b.onResolve({ filter: /^@bihuan\// }, (args) => {
      const alias = sourceAliases.find((a) => a.find.test(args.path));
      return alias ? { path: args.path.replace(alias.find, alias.replacement) } : undefined;
    });
  },
};

const ENTRY = `
import '@bihuan/widgets/print-document';
import { settledCase, lawReportRecord, supervisionOrder } from './stories/support/documents.ts';
const kase = settledCase('JF-20251110-0425');
const docs = [
  ['agreement', kase, '振兴区人民调解委员会'],
  ['intake', kase, '振兴区综治中心'],
  ['followUp', kase, '振兴区综治中心'],
  ['supervision', supervisionOrder, undefined],
  ['lawReport', lawReportRecord(), '振兴区述法评议委员会'],
];
for (const [kind, record, org] of docs) {
  const el = document.createElement('bh-print-document');
  el.setAttribute('document', kind);
  if (org) el.setAttribute('org', org);
  el.record = record;
  document.body.append(el);
}
window.printed = Promise.all([...document.querySelectorAll('bh-print-document')].map((el) => el.updateComplete)).then(() => ({
  total: lawReportRecord().result.shown,
  grade: lawReportRecord().result.grade.label['zh-CN'],
}));
`;

// Ideographs the CJK font also draws as radicals (⺠ for 民, ⻓ for 长): PDF text maps them back to the radical.
const RADICALS: Record<string, string> = { '⺠': '民', '⻓': '长', '⻔': '门', '⻅': '见', '⻚': '页', '⻛': '风', '⻢': '马', '⻋': '车', '⻉': '贝', '⻆': '角', '⻄': '西' };
/** Text as compared: NFKC (⼈ → 人, full-width colon → colon), radicals mapped back, no spaces. */
const norm = (text: string) => text.normalize('NFKC').replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c).replace(/\s+/g, '');

/**
 * The text of each page of a PDF, its items joined without spaces (CJK text comes in runs), NFKC
 * normalized (the font maps some ideographs to Kangxi radicals: ⼈ for 人).
 */
async function pagesOf(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(norm(content.items.map((item) => ('str' in item ? item.str : '')).join('')));
  }
  await doc.destroy();
  return pages;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('printed documents, printed to PDF in Chromium and read back', () => {
  test('人民调解协议书, 受理登记表, 回访记录, 督办单, 述法评议结果: filled from their records, each on its own A4 sheets', { timeout: 180_000 }, async () => {
    const bundle = await build({ stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: 'ts' }, bundle: true, write: false, format: 'esm', plugins: [sources], logLevel: 'silent' });
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

    const pages = await pagesOf(pdf);
    const all = pages.join('\n');
    // The screen-only toolbar is not printed.
    expect(all).not.toContain('打印');
    // One sheet per document, in order, each starting on its own page.
    const titles = ['人民调解协议书', '矛盾纠纷受理登记表', '矛盾纠纷回访记录', '督办单', '述法评议结果通知书'];
    const starts = titles.map((t) => pages.findIndex((p) => p.startsWith(norm(t))));
    expect(starts.every((s, i) => s >= 0 && (i === 0 || s > starts[i - 1]!)), `titles start pages: ${starts}; pages: ${pages.map((p) => p.slice(0, 60)).join(" | ")}`).toBe(true);
    // None runs beyond two A4 pages.
    expect([...starts.slice(1), pages.length].map((end, i) => end - starts[i]!).every((n) => n <= 2), pages.map((p) => p.slice(0, 30)).join(' | ')).toBe(true);
    const sheet = (i: number) => pages.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : undefined).join('');

    const agreement = sheet(0);
    for (const text of ['编号：JF-20251110-0425', '申请人陈建国', '被申请人李秀英', '邻里噪声纠纷', '降低生活噪声', '加强沟通谅解', '经调解，自愿达成如下协议', '当事人（申请人）：陈建国', '人民调解员', '振兴区人民调解委员会（印章）', '2025年11月10日']) {
      expect(agreement, text).toContain(norm(text));
    }
    const intake = sheet(1);
    for (const text of ['受理日期2025年11月10日', '来访（中心窗口）', '站前街道', '锦绣社区', '噪声扰民', '陈建国', settledCase().data.parties[0]!.phone!, '分流意见：分流至', '受理人']) expect(intake, text).toContain(norm(text));
    const followUp = sheet(2);
    for (const text of ['回访方式电话回访', '已按协议履行', '满意度满意', '被回访人陈建国', '可以销号']) expect(followUp, text).toContain(norm(text));
    const order = sheet(3);
    for (const text of ['编号：DB-2025-0031', '矛盾纠纷JF-20251028-0398：物业维修费用纠纷', '督办单位振兴区综治中心', '承办单位站前街道综治中心', '2025年11月25日前', '调解阶段逾期5个工作日', '督办人：高主任']) expect(order, text).toContain(norm(text));
    const result = sheet(4);
    for (const text of ['被评议单位振兴区司法局', '述法人王局长（局长）', '2025年度', `总分${law.total}`, `评议等次${law.grade}（12个单位中第3名）`, '合同合法性审查流于形式']) expect(result, text).toContain(norm(text));
  });
});
