// Words: English text never carries CJK punctuation from our own strings, and English labels keep
// one rule of case (sentence case, internal/words.ts). The checks:
// 1. every widget's English locale table (strings, and the sentences its functions build from
//    sample values) is free of 、，：；。（）《》“”;
// 2. every locale table — the widgets' tables, core's label tables and the loops' state, role and
//    action labels — holds English that is in sentence case once it stands on its own (no Title
//    Case);
// 3. the rule itself and the names we own.
// Every story of every widget rendered in English (CJK punctuation against English words, names we
// own left in Chinese, party ids, labels that start in lowercase) is checked by stories.test.ts,
// with the other checks that share its one rendering of the catalog (support/checks/words.ts).
import { describe, expect, test } from 'vitest';
import * as core from '@bihuan/core';
import { OWN_NAMES, isSentenceCase, ownName, standalone } from '../../packages/widgets/src/internal/words.js';
import { ownNamesIn } from './support/checks/words.js';

const CJK_PUNCTUATION = /[、，：；。（）《》“”]/;
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

