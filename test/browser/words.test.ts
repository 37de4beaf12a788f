// Words: English text never carries CJK punctuation from our own strings, and English labels keep
// one rule of case (sentence case, internal/words.ts). The checks:
// 1. every widget's English locale table (strings, and the sentences its functions build from
//    sample values) is free of 、，：；。（）《》“”;
// 2. every story of every widget rendered in English: no text node sets CJK punctuation against
//    Latin words ("Skills：", "trade、general") — data with no English (Chinese names, places) may
//    keep its own punctuation, but our words around it may not add any;
// 3. no name we own (departments, matters, firms with English in words.ts) left in Chinese, and no
//    party shown by its id (p2) where a name exists;
// 4. every locale table — the widgets' tables, core's label tables and the loops' state, role and
//    action labels — holds English that is in sentence case once it stands on its own (no Title
//    Case), and every label rendered on its own (buttons, options, headings, column heads, captions,
//    legends, field labels) starts with a capital.
import { afterAll, describe, expect, test } from 'vitest';
import { cleanup } from './support/render.js';
import { renderStories, widgetStories } from './support/stories.js';
import * as core from '@bihuan/core';
import { OWN_NAMES, isSentenceCase, standalone } from '../../packages/widgets/src/internal/words.js';

afterAll(cleanup);

const CJK_PUNCTUATION = /[、，：；。（）《》“”]/;
/** Names we own that have English (internal/words.ts): never shown in Chinese on an English page. */
const OWN = new Set(Object.keys(OWN_NAMES));
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

/** Text nodes of every shadow tree below `root`, with the widget they belong to. */
function* texts(root: ParentNode, where: string): Generator<[string, string]> {
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.textContent ?? '';
      if (text.trim()) yield [where, text];
    }
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
          // A name of ours (a department, matter or firm) left in Chinese on an English page.
          // (a whole text, or one of a list: 治安 inside an issue's title 厂区周边治安 is the portal's data).
          for (const part of text.split(/[·、,;]/)) if (OWN.has(part.trim())) untranslated.add(`${where}: ${part.trim()}`);
          // A party named by the record's id ("party p2 has not consented") where a name exists.
          if (PARTY_ID.test(text)) ids.add(`${where}: ${text.trim().slice(0, 120)}`);
        }
        for (const [where, text] of labelTexts(container, name)) if (/^[("“‘'[]*\p{Ll}/u.test(text)) lowercase.add(`${where}: ${text.slice(0, 80)}`);
      }
      expect(bad).toEqual([]);
      expect([...lowercase], 'labels standing on their own in lowercase').toEqual([]);
      expect([...untranslated], 'names we own left in Chinese').toEqual([]);
      expect([...ids], 'party ids shown where names belong').toEqual([]);
      cleanup();
    });
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

