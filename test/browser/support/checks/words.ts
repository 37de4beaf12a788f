// Words on an English page: no CJK punctuation from our own strings set against Latin words
// ("Skills：", "trade、general") — data with no English (Chinese names, places) may keep its own
// punctuation, but our words around it may not add any; no name we own (departments, matters, firms,
// police stations, emergency units, venues, events and our stories' rate-card labels: every name
// `ownName` has English for, words.ts) left in Chinese; no party shown by its id (p2) where a name
// exists; and every label rendered on its own (buttons, options, headings, column heads, captions,
// legends, field labels) starts with a capital.
import { ownName } from '../../../../packages/widgets/src/internal/words.js';
import type { RenderedStory } from '../stories.js';

/** CJK punctuation touching a Latin word on either side: our English next to Chinese punctuation. */
const MIXED = /[A-Za-z][\s\d]*[、，：；。（）《》“”]|[、，：；。（）《》“”]\s*[A-Za-z]/;
/** A run of Chinese a reader sees as one name: Han characters and the figures inside them (海港商户联防组3号). */
const HAN_RUN = /[\p{Script=Han}\d]*\p{Script=Han}[\p{Script=Han}\d]*/gu;
/** The Chinese names of `text` that are ours (`ownName` has English for them): never shown in Chinese on an English page. */
export const ownNamesIn = (text: string) => (text.match(HAN_RUN) ?? []).filter((run) => ownName(run, 'en') !== run);
/** Party ids of the example data (p1, p2 …) as words. */
const PARTY_ID = /\bp\d+\b/;

/**
 * Texts of every shadow tree below `root`, with the widget they belong to: the text nodes that sit
 * side by side in one element read as one (Lit renders `${a}（${b}）` as several nodes, and a reader
 * sees one line).
 */
function* texts(root: ParentNode, where: string): Generator<[string, string]> {
  let run = '';
  for (const node of [...root.childNodes, null]) {
    if (node?.nodeType === Node.TEXT_NODE) {
      run += node.textContent ?? '';
      continue;
    }
    if (node?.nodeType === Node.COMMENT_NODE) continue; // Lit's markers split a line's nodes, not its text
    if (run.trim()) yield [where, run];
    run = '';
    if (node instanceof Element) {
      // A part that declares itself Chinese (a printed official document, always in zh-CN) is not English text.
      if (/^zh\b/i.test(node.getAttribute('lang') ?? '')) continue;
      if (node.shadowRoot) yield* texts(node.shadowRoot, `${where} › ${node.tagName.toLowerCase()}`);
      if (node.tagName !== 'STYLE' && node.tagName !== 'SCRIPT') yield* texts(node, where);
    }
  }
}

/** Elements whose text is a label standing on its own. */
const LABELS = 'button, summary, option, legend, label, caption, h1, h2, h3, h4, th[scope="col"], [role="columnheader"], [role="tab"]';

/** Every label element in the shadow trees below `root`, with its own text (nested controls left out). */
function* labelTexts(root: ParentNode, where: string): Generator<[string, string]> {
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) yield* labelTexts(el.shadowRoot, `${where} › ${el.tagName.toLowerCase()}`);
    if (!el.matches(LABELS)) continue;
    let text = '';
    for (const node of el.childNodes) if (node.nodeType === Node.TEXT_NODE || (node instanceof HTMLElement && !node.matches('input, select, textarea, button'))) text += node.textContent ?? '';
    text = text.replace(/\s+/g, ' ').trim();
    if (text) yield [where, text];
  }
}

/** Attributes a reader meets as text, in the shadow trees below `root` (a part that declares itself Chinese left out). */
function* attributeTexts(root: ParentNode, where: string): Generator<[string, string]> {
  for (const el of root.querySelectorAll('*')) {
    if (el.closest('[lang^="zh"]')) continue;
    if (el.shadowRoot) yield* attributeTexts(el.shadowRoot, `${where} › ${el.tagName.toLowerCase()}`);
    for (const name of ['aria-label', 'title', 'placeholder']) {
      const text = el.getAttribute(name)?.trim();
      if (text) yield [`${where} [${name}]`, text];
    }
  }
}

/** What is wrong with the words of the stories rendered in English. */
export function wordsProblems(rendered: RenderedStory[]): { bad: string[]; lowercase: string[]; untranslated: string[]; ids: string[] } {
  const bad: string[] = [];
  const lowercase = new Set<string>();
  const untranslated = new Set<string>();
  const ids = new Set<string>();
  for (const { name, container } of rendered) {
    for (const [where, text] of texts(container, name)) {
      // Attribute-free text only: labels and values a reader sees. aria-labels are checked by
      // the same tables above.
      if (MIXED.test(text)) bad.push(`${where}: ${text.trim().slice(0, 120)}`);
      // A name of ours left in Chinese on an English page: a run of Chinese that is one of our
      // names or is made of them (海港城区派出所); 治安 inside an issue's title 厂区周边治安 is the portal's data.
      for (const name of ownNamesIn(text)) untranslated.add(`${where}: ${name}`);
      // A party named by the record's id ("party p2 has not consented") where a name exists.
      if (PARTY_ID.test(text)) ids.add(`${where}: ${text.trim().slice(0, 120)}`);
    }
    for (const [where, text] of labelTexts(container, name)) if (/^[("“‘'[]*\p{Ll}/u.test(text)) lowercase.add(`${where}: ${text.slice(0, 80)}`);
    // What a screen reader or a hover reads (aria-label, title, placeholder) is English text too.
    for (const [where, text] of attributeTexts(container, name)) {
      if (MIXED.test(text)) bad.push(`${where}: ${text.slice(0, 120)}`);
      for (const own of ownNamesIn(text)) untranslated.add(`${where}: ${own}`);
    }
  }
  return { bad, lowercase: [...lowercase], untranslated: [...untranslated], ids: [...ids] };
}
