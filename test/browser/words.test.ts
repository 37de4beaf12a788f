// Words: English text never carries CJK punctuation from our own strings, and English labels keep
// one rule of case (sentence case, internal/words.ts). The checks:
// 1. every widget's English locale table (strings, and the sentences its functions build from
//    sample values) is free of 、，：；。（）《》“”;
// 2. every story of every widget rendered in English: no text node sets CJK punctuation against
//    Latin words ("Skills：", "trade、general") — data with no English (Chinese names, places) may
//    keep its own punctuation, but our words around it may not add any;
// 3. no name we own (departments, matters, firms, police stations, emergency units, venues, events
//    and our stories' rate-card labels: every name `ownName` has English for, words.ts) left in
//    Chinese, and no party shown by its id (p2) where a name exists;
// 4. every locale table — the widgets' tables, core's label tables and the loops' state, role and
//    action labels — holds English that is in sentence case once it stands on its own (no Title
//    Case), and every label rendered on its own (buttons, options, headings, column heads, captions,
//    legends, field labels) starts with a capital.
import { afterAll, describe, expect, test } from 'vitest';
import { cleanup } from './support/render.js';
import { renderStories, widgetStories } from './support/stories.js';
import * as core from '@bihuan/core';
import { OWN_NAMES, isSentenceCase, ownName, standalone } from '../../packages/widgets/src/internal/words.js';

afterAll(cleanup);

const CJK_PUNCTUATION = /[、，：；。（）《》“”]/;
/** A run of Chinese a reader sees as one name: Han characters and the figures inside them (海港商户联防组3号). */
const HAN_RUN = /[\p{Script=Han}\d]*\p{Script=Han}[\p{Script=Han}\d]*/gu;
/** The Chinese names of `text` that are ours (`ownName` has English for them): never shown in Chinese on an English page. */
const ownNamesIn = (text: string) => (text.match(HAN_RUN) ?? []).filter((run) => ownName(run, 'en') !== run);
/** Party ids of the example data (p1, p2 …) as words. */
const PARTY_ID = /\bp\d+\b/;
/** CJK punctuation touching a Latin word on either side: our English next to Chinese punctuation. */
const MIXED = /[A-Za-z][\s\d]*[、，：；。（）《》“”]|[、，：；。（）《》“”]\s*[A-Za-z]/;

type Table = Record<string, unknown>;
const modules = import.meta.glob<Record<string, unknown>>('../../packages/widgets/src/components/*/*.messages.ts', { eager: true });

/** Every sentence a table holds: strings as they are, functions called with a few kinds of sample values. */
function sentences(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') out.push([path, value]);
  else if (typeof value === 'function') {
    for (const sample of [['Zhang', 'Li', 'Wang', 'Zhao'], [2, 3, 4, 5], [1, 1, 1, 1], ['Zhang', 2, 'Li', 3]]) {
      try {
        const result = (value as (...args: unknown[]) => unknown)(...sample);
        if (typeof result === 'string') out.push([`${path}(${sample.join(', ')})`, result]);
      } catch {
        // A function that needs a richer argument (a list, a record) is covered by the rendered stories.
      }
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => sentences(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) sentences(v, `${path}.${k}`, out);
}

/** Every widget's locale table: its name and the sentences of its English half. */
const tables: { name: string; english: [string, string][] }[] = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, table]) => !!table && typeof table === 'object' && 'en' in table)
    .map(([name, table]) => {
      const english: [string, string][] = [];
      sentences((table as Record<string, Table>).en, 'en', english);
      return { name: `${file.split('/').pop()} ${name}`, english };
    }),
);

describe('English locale tables carry no CJK punctuation', () => {
  for (const { name, english } of tables) {
    test(name, () => {
      expect(english.length).toBeGreaterThan(0);
      const bad = english.filter(([, text]) => CJK_PUNCTUATION.test(text));
      expect(bad.map(([path, text]) => `${path}: ${text}`)).toEqual([]);
    });
  }
});

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

describe('every story in English: no CJK punctuation set against English words, labels start with a capital', () => {
  for (const widget of widgetStories) {
    test(widget.title, async () => {
      const rendered = await renderStories(widget, 'en');
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
      expect(bad).toEqual([]);
      expect([...lowercase], 'labels standing on their own in lowercase').toEqual([]);
      expect([...untranslated], 'names we own left in Chinese').toEqual([]);
      expect([...ids], 'party ids shown where names belong').toEqual([]);
      cleanup();
    }, 240_000); // the largest stories (a city's 103 tasks × 36 officers) take a minute under load
  }
});

/** Every English label of core's locale tables: `*_LABELS` records and the loops' states, roles and actions. */
function coreLabels(): [string, string][] {
  const out: [string, string][] = [];
  const isLocalized = (v: unknown): v is { en: string } => !!v && typeof v === 'object' && typeof (v as { en?: unknown }).en === 'string';
  for (const [name, value] of Object.entries(core)) {
    if (!value || typeof value !== 'object') continue;
    if (/_LABELS$/.test(name)) {
      for (const [key, label] of Object.entries(value)) if (isLocalized(label)) out.push([`${name}.${key}`, label.en]);
    }
    const loop = value as { states?: unknown; events?: unknown; roles?: unknown };
    for (const part of ['states', 'events', 'roles'] as const) {
      const table = loop[part];
      if (!table || typeof table !== 'object' || !('id' in value)) continue;
      for (const [key, entry] of Object.entries(table)) {
        const label = (entry as { label?: unknown }).label;
        if (isLocalized(label)) out.push([`${name}.${part}.${key}`, label.en]);
      }
    }
  }
  return out;
}

describe('sentence case: one rule for English labels, over every locale table', () => {
  test('core: label tables and the loops’ states, roles and actions', () => {
    const labels = coreLabels();
    expect(labels.length).toBeGreaterThan(100);
    const bad = labels.filter(([, text]) => !isSentenceCase(standalone(text, 'en')));
    expect(bad.map(([path, text]) => `${path}: ${text}`)).toEqual([]);
  });

  for (const { name, english } of tables) {
    test(name, () => {
      // Sentences built from sample names (Zhang, Li) hold those names capitalised: figures only.
      const bad = english.filter(([path, text]) => !/\(Zhang/.test(path) && !isSentenceCase(standalone(text, 'en')));
      expect(bad.map(([path, text]) => `${path}: ${text}`)).toEqual([]);
    });
  }

  test('names we own: whole, made of our parts, or left as the portal gave them', () => {
    expect(ownName('区金融办', 'en')).toBe(OWN_NAMES['区金融办']);
    expect(ownName('海港城区派出所', 'en')).toBe('Haigang Urban Police Station');
    expect(ownName('山海关商户联防组12号', 'en')).toBe('Shanhaiguan Merchant Joint Defence Group No. 12');
    expect(ownName('第3届海滨马拉松', 'en')).toBe('3rd Seaside Marathon');
    expect(ownName('第12届灯光秀', 'en')).toBe('12th Light Show');
    expect(ownName('山海关古城', 'en')).toBe('Shanhaiguan Ancient City');
    // A portal's own names, even with a part of ours inside, stay as given; Chinese pages keep Chinese.
    for (const theirs of ['厂区周边治安', '海港某街道', '12号', '第3届', '件条']) expect(ownName(theirs, 'en')).toBe(theirs);
    expect(ownName('海港城区派出所', 'zh-CN')).toBe('海港城区派出所');
    expect(ownNamesIn('Record for 海港商户联防组3号 and 厂区周边治安')).toEqual(['海港商户联防组3号']);
    // Every English form is free of CJK punctuation and of Chinese.
    for (const [zh, en] of Object.entries(OWN_NAMES)) expect(en, zh).not.toMatch(/[\p{Script=Han}、，：；。（）《》“”]/u);
  });

  test('the rule itself', () => {
    expect(standalone('record settlement', 'en')).toBe('Record settlement');
    expect(standalone('记录和解', 'zh-CN')).toBe('记录和解');
    expect(isSentenceCase('Export CSV')).toBe(true);
    expect(isSentenceCase('Done: Verify. Now closed.')).toBe(true);
    expect(isSentenceCase('record settlement')).toBe(false);
    expect(isSentenceCase('Record Settlement')).toBe(false);
    expect(isSentenceCase('3 days left')).toBe(true);
  });
});

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
