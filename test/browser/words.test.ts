// Words: English text never carries CJK punctuation from our own strings. Two checks:
// 1. every widget's English locale table (strings, and the sentences its functions build from
//    sample values) is free of 、，：；。（）《》“”;
// 2. every story of every widget rendered in English: no text node sets CJK punctuation against
//    Latin words ("Skills：", "trade、general") — data with no English (Chinese names, places) may
//    keep its own punctuation, but our words around it may not add any.
import { afterAll, describe, expect, test } from 'vitest';
import { cleanup } from './support/render.js';
import { renderStories, widgetStories } from './support/stories.js';

afterAll(cleanup);

const CJK_PUNCTUATION = /[、，：；。（）《》“”]/;
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

describe('English locale tables carry no CJK punctuation', () => {
  for (const [file, mod] of Object.entries(modules)) {
    for (const [name, table] of Object.entries(mod)) {
      if (!table || typeof table !== 'object' || !('en' in table)) continue;
      test(`${file.split('/').pop()} ${name}`, () => {
        const out: [string, string][] = [];
        sentences((table as Record<string, Table>).en, 'en', out);
        expect(out.length).toBeGreaterThan(0);
        const bad = out.filter(([, text]) => CJK_PUNCTUATION.test(text));
        expect(bad.map(([path, text]) => `${path}: ${text}`)).toEqual([]);
      });
    }
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
      if (node.shadowRoot) yield* texts(node.shadowRoot, `${where} › ${node.tagName.toLowerCase()}`);
      if (node.tagName !== 'STYLE' && node.tagName !== 'SCRIPT') yield* texts(node, where);
    }
  }
}

describe('every story in English: no CJK punctuation set against English words', () => {
  for (const widget of widgetStories) {
    test(widget.title, async () => {
      const rendered = await renderStories(widget, 'en');
      const bad: string[] = [];
      for (const { name, container } of rendered) {
        for (const [where, text] of texts(container, name)) {
          // Attribute-free text only: labels and values a reader sees. aria-labels are checked by
          // the same tables above.
          if (MIXED.test(text)) bad.push(`${where}: ${text.trim().slice(0, 120)}`);
        }
      }
      expect(bad).toEqual([]);
      cleanup();
    });
  }
});
