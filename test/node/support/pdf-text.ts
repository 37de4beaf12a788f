// Reading a printed PDF's text back (pdf.js), for the tests that print documents in Chromium.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

// Ideographs the CJK font also draws as radicals (⺠ for 民, ⻓ for 长): PDF text maps them back to the radical.
const RADICAL_FORMS: Readonly<Record<string, string>> = { '⺠': '民', '⻓': '长', '⻔': '门', '⻅': '见', '⻚': '页', '⻛': '风', '⻢': '马', '⻋': '车', '⻉': '贝', '⻆': '角', '⻄': '西' };

/** Text as the tests compare it: NFKC (⼈ → 人, full-width colon → colon), radical forms mapped back, no white space. */
export const plain = (text: string): string => text.normalize('NFKC').replace(/[\u2e80-\u2eff]/g, (c) => RADICAL_FORMS[c] ?? c).replace(/\s+/g, '');

/** The text of each page of a PDF, its items joined without spaces (CJK text comes in runs), as `plain` gives it. */
export async function pdfPages(pdf: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const { items } = await (await doc.getPage(n)).getTextContent();
    pages.push(plain(items.map((item) => ('str' in item ? item.str : '')).join('')));
  }
  await doc.destroy();
  return pages;
}
