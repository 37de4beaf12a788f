// What a page using only <bh-rate-card> loads from the script-tag files (packages/widgets/dist/cdn,
// built by `pnpm build`): the entry and every chunk it imports. The rate card shows figures; its
// page must not fetch zod or core's calendar (a shared helper importing either once put them on
// it), and must stay near its size (issue 13's budget is 11 KB gzip; `pnpm bench size-rate-card`).
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

  test('stays within 15.5 KB gzip (14.9 KB today; the budget is 11 KB)', () => {
    const gzip = [...files.values()].reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(15.5 * 1024);
  });

  test('the Trusted Types prelude comes with lit, once', () => {
    // lit makes its policy where lit-html is; the prelude must head that file and no other.
    const withPrelude = [...files].filter(([, text]) => text.includes('bihuan.litHtmlPolicyDisallowed') && text.startsWith('(()=>{')).map(([path]) => path);
    const withLit = [...files].filter(([, text]) => /createPolicy\((["'`])lit-html\1/.test(text)).map(([path]) => path);
    expect(withLit).toHaveLength(1);
    expect(withPrelude).toEqual(withLit);
  });
});
