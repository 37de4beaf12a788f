// What a page using only <bh-rate-card> loads from the script-tag files (packages/widgets/dist/cdn,
// built by `pnpm build`): the entry and every chunk it imports. The rate card shows figures; its
// page must not fetch zod or core's calendar (a shared helper importing either once put them on
// it), and must stay near its size (issue 13's budget is 11 KB gzip; `pnpm bench size-rate-card`;
// what each module adds: `node test/bench/page-modules.mjs rate-card`).
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const CDN = 'packages/widgets/dist/cdn';

/** A script-tag file and the files it imports, transitively (static imports only: what the page fetches before it runs). */
function loadedBy(path: string, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(path)) return seen;
  const text = readFileSync(path, 'utf8');
  seen.set(path, text);
  for (const [, spec] of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.{1,2}\/[^"']+)["']/g)) loadedBy(join(dirname(path), spec!), seen);
  return seen;
}

describe('a page with only the rate card', () => {
  const files = loadedBy(join(CDN, 'bh-rate-card.js'));

  test('loads neither zod nor the calendar', () => {
    const zod = [...files].filter(([, text]) => text.includes('_zod')).map(([path]) => path);
    // 'formatInstant' names the function in the calendar's refusals: minifying keeps it.
    const calendar = [...files].filter(([, text]) => text.includes('formatInstant')).map(([path]) => path);
    expect({ zod, calendar }).toEqual({ zod: [], calendar: [] });
  });

  // 14,211 bytes on 2026-12-03: lit alone (a bare LitElement page) is 6.0 KB of it, and the rest is
  // the card, core's exact rates with their checks, the guards, the theme and the Trusted Types
  // prelude, none of which may go (see the figures per module above). The budget is 11 KB.
  test('stays within 14 KB gzip (13.9 KB today; the budget is 11 KB)', () => {
    const gzip = [...files.values()].reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(14 * 1024);
  });

  test('uses the production build of lit', () => {
    // lit's development build warns with these words at start; its production build has none of them.
    expect([...files].filter(([, text]) => text.includes('Lit is in dev mode')).map(([path]) => path)).toEqual([]);
  });

  test('fetches the Trusted Types stand-in and its sentences only on demand (a page whose CSP stops lit)', () => {
    // 'allow-duplicates' is in the stand-in's advice and nowhere else.
    const onDemand = [...files].flatMap(([path, text]) => [...text.matchAll(/\bimport\(\s*[`"'](\.{1,2}\/[^`"']+)[`"']\s*\)/g)].map(([, spec]) => join(dirname(path), spec!)));
    expect([...files.values()].filter((text) => text.includes('allow-duplicates'))).toEqual([]);
    expect(onDemand.filter((path) => readFileSync(path, 'utf8').includes('allow-duplicates'))).toHaveLength(1);
  });

  test('the Trusted Types prelude comes with lit, once', () => {
    // lit makes its policy where lit-html is; the prelude must head that file and no other.
    const withPrelude = [...files].filter(([, text]) => text.includes('bihuan.litHtmlPolicyDisallowed') && text.startsWith('(()=>{')).map(([path]) => path);
    const withLit = [...files].filter(([, text]) => /createPolicy\((["'`])lit-html\1/.test(text)).map(([path]) => path);
    expect(withLit).toHaveLength(1);
    expect(withPrelude).toEqual(withLit);
  });
});

describe('a page with only the dispute ledger', () => {
  const files = loadedBy(join(CDN, 'bh-dispute-ledger.js'));
  /** What the page's files fetch with import() when asked (and what those import in turn), beyond what it loaded. */
  const onDemand = new Map<string, string>();
  for (const [path, text] of files)
    for (const [, spec] of text.matchAll(/\bimport\(\s*[`"'](\.{1,2}\/[^`"']+)[`"']\s*\)/g)) loadedBy(join(dirname(path), spec!), onDemand);
  for (const path of files.keys()) onDemand.delete(path);
  // Texts minifying keeps: the memory store names itself in its refusals; a restore's check of a
  // backup refuses 'not a store dump'.
  const MEMORY = /[`"']createMemoryStore[`"']/;
  const RESTORE = 'not a store dump';
  const holding = (texts: Map<string, string>, text: string | RegExp) => [...texts].filter(([, t]) => (typeof text === 'string' ? t.includes(text) : text.test(t))).map(([path]) => path);

  test('loads neither the memory store nor the restore of a backup before it runs (IndexedDB is its store)', () => {
    expect({ memory: holding(files, MEMORY), restore: holding(files, RESTORE) }).toEqual({ memory: [], restore: [] });
  });

  test('fetches each on demand (a page without IndexedDB; a restore)', () => {
    expect(holding(onDemand, MEMORY)).not.toEqual([]);
    expect(holding(onDemand, RESTORE)).not.toEqual([]);
  });

  // Texts minifying keeps: the store's write side refuses a re-keying migration in these words, the
  // dispute loop's guards name their rule 'department_known'.
  const WRITE_SIDE = 'a migration re-keyed a record onto an existing key';
  const LOOP_GUARDS = 'department_known';
  test('reads the store without its write side or the dispute loop: both are fetched only when something writes', () => {
    expect({ write: holding(files, WRITE_SIDE), guards: holding(files, LOOP_GUARDS) }).toEqual({ write: [], guards: [] });
    expect({ write: holding(onDemand, WRITE_SIDE).length > 0, guards: holding(onDemand, LOOP_GUARDS).length > 0 }).toEqual({ write: true, guards: true });
  });

  // zod's objects keep '_zod' through minifying; the CSV writer names itself in its refusals.
  test('draws its first rows without zod: masking, the query, the departments and the calendar need no schema', () => {
    expect(holding(files, '_zod')).toEqual([]);
    expect(holding(onDemand, '_zod').length).toBeGreaterThan(0);
  });

  const CSV = /[`"']toCsv[`"']/;
  test('fetches the CSV export only when a viewer exports', () => {
    expect({ before: holding(files, CSV), onDemand: holding(onDemand, CSV).length > 0 }).toEqual({ before: [], onDemand: true });
  });

  // Issue 13's budget is 35 KB gzip; what is left is the read side of the store, lit and the widget
  // base, the ledger itself and core's plain tables (`node test/bench/page-modules.mjs` lists them).
  test('stays within 45.5 KB gzip (44.0 KB today; the budget is 35 KB)', () => {
    const gzip = [...files.values()].reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(45.5 * 1024);
  });

  // The search index names itself in its refusals.
  const SEARCH = /[`"']createDisputeSearch[`"']/;
  test('fetches the search only when a viewer searches', () => {
    expect({ before: holding(files, SEARCH), onDemand: holding(onDemand, SEARCH).length > 0 }).toEqual({ before: [], onDemand: true });
  });
});

describe('example data', () => {
  // The example quiz's id: in its data only.
  const QUIZ = 'example-civil-code-challenge';

  test('is not in bihuan.js: the quiz imports its examples from the kit beside it, only when it has no quiz', () => {
    const text = readFileSync(join(CDN, 'bihuan.js'), 'utf8');
    expect(text.includes(QUIZ)).toBe(false);
    const beside = [...text.matchAll(/\bimport\(\s*[`"'](\.\/[^`"']+)[`"']\s*\)/g)].map(([, spec]) => spec);
    expect(beside).toEqual(['./kit/core/quiz/examples.js']);
    expect(readFileSync(join(CDN, beside[0]!), 'utf8')).toContain(QUIZ);
  });

  test('is not loaded by the quiz’s script-tag file before it runs', () => {
    const files = loadedBy(join(CDN, 'bh-law-quiz.js'));
    expect([...files].filter(([, text]) => text.includes(QUIZ)).map(([path]) => path)).toEqual([]);
  });
});
