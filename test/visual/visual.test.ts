// Visual regression: every story of the catalog, in zh-CN and English, at 1280 and 390 px wide,
// against the committed references in test/visual/references/ (pixelmatch, small tolerance). One
// page per width renders the stories one after another; each screenshot is the story's box only.
// A clipped column, a lost border or Chinese rendered as boxes (no CJK font) fails here, and the
// self-tests at the end prove it. After an intended visual change: `pnpm run test:visual:update`.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumLaunchOptions } from '../chromium.mjs';
import { LANGS, OUT, WIDTHS, injectCss, listStories, openHarness, serveHarness, shoot, showStory, stageHeights } from './harness.ts';
import { PNG } from 'pngjs';
import { compare, toReference } from './compare.ts';
import type { StoryEntry } from './page.ts';

const REFS = fileURLToPath(new URL('./references/', import.meta.url));
const UPDATE = process.env.BIHUAN_VISUAL_UPDATE === '1';
/** `BIHUAN_VISUAL_ONLY=rate-card` shoots only the stories whose id matches (while working on one widget). */
const ONLY = process.env.BIHUAN_VISUAL_ONLY ? new RegExp(process.env.BIHUAN_VISUAL_ONLY) : null;
const refName = (id: string, lang: string, width: number) => `${id}.${lang}.${width}.png`;

let server: Awaited<ReturnType<typeof serveHarness>>;
let browser: Browser;
const pages = new Map<number, Page>();
let stories: StoryEntry[] = [];
const written = new Set<string>();

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  [server, browser] = await Promise.all([serveHarness(), chromium.launch(chromiumLaunchOptions())]);
  for (const width of WIDTHS) pages.set(width, await openHarness(browser, server.url, width));
  stories = await listStories(pages.get(WIDTHS[0])!);
}, 120_000);

afterAll(async () => {
  if (UPDATE && !ONLY && written.size > 0) {
    // Drop the references of stories that no longer exist.
    for (const f of readdirSync(REFS)) if (f.endsWith('.png') && !written.has(f)) rmSync(join(REFS, f));
  }
  await browser?.close();
  await server?.close();
});

/** Compares (or, updating, writes) story `s` in `lang` at `width`; returns a failure line or null. */
async function check(page: Page, s: StoryEntry, lang: string, width: number): Promise<string | null> {
  const t0 = performance.now();
  await showStory(page, s.id, lang);
  const t1 = performance.now();
  const actual = await shoot(page);
  const t2 = performance.now();
  if (process.env.BIHUAN_VISUAL_TIMING) console.log(`${s.id} ${lang} ${width}: shown in ${Math.round(t1 - t0)} ms, shot in ${Math.round(t2 - t1)} ms`);
  const name = refName(s.id, lang, width);
  const refPath = join(REFS, name);
  if (UPDATE) {
    mkdirSync(REFS, { recursive: true });
    // The encoding is deterministic: an unchanged story rewrites the same bytes (no diff in git).
    writeFileSync(refPath, toReference(actual));
    written.add(name);
    return null;
  }
  const label = `${s.title} / ${s.name} (${s.id}), ${lang}, ${width} px`;
  if (!existsSync(refPath)) return `${label}: no reference ${name} — run pnpm run test:visual:update and look at it`;
  const result = compare(actual, readFileSync(refPath));
  if (process.env.BIHUAN_VISUAL_TIMING) console.log(`${s.id} ${lang} ${width}: compared in ${Math.round(performance.now() - t2)} ms`);
  if (result.ok) return null;
  // A size that differs: say whether the story was still moving when it was shot.
  let moving = '';
  if (Number.isNaN(result.diffPixels)) {
    const heights = await stageHeights(page);
    moving = new Set(heights).size > 1 ? ` (still moving when shot: the stage's height went ${heights.join(' → ')} px over the next frames)` : ' (settled at that size)';
  }
  mkdirSync(OUT, { recursive: true });
  const base = join(OUT, name.replace(/\.png$/, ''));
  writeFileSync(`${base}.actual.png`, actual);
  if (result.diff) writeFileSync(`${base}.diff.png`, result.diff);
  return `${label}: ${result.reason}${moving} — see ${base}.actual.png${result.diff ? ` and ${base}.diff.png` : ''}`;
}

/**
 * The widths' pages work side by side (one renders or is shot while the other's screenshot is
 * compared here), each page one story at a time: a width's languages wait for each other.
 */
const turns = new Map<number, Promise<unknown>>();
function onPage<T>(width: number, job: () => Promise<T>): Promise<T> {
  const previous = turns.get(width) ?? Promise.resolve();
  const mine = previous.then(job, job);
  turns.set(width, mine.catch(() => undefined));
  return mine;
}

describe.concurrent('every story looks as its reference', () => {
  for (const width of WIDTHS) {
    for (const lang of LANGS) {
      test(`${lang} at ${width} px`, async ({ expect }) => {
        const page = pages.get(width)!;
        const shot = stories.filter((s) => (s.lang === null || s.lang === lang) && (!ONLY || ONLY.test(s.id)));
        const failures = await onPage(width, async () => {
          const found: string[] = [];
          for (const s of shot) {
            const failure = await check(page, s, lang, width);
            if (failure) found.push(failure);
          }
          return found;
        });
        expect(shot.length).toBeGreaterThan(ONLY ? 0 : 20);
        expect(failures, 'stories that no longer look as their reference').toEqual([]);
      }, 1_200_000);
    }
  }
});

// The suite would be worthless if these passed: each self-test breaks a story on purpose and
// expects the comparison to catch it.
describe.skipIf(UPDATE)('the comparison catches what officers would send back', () => {
  const refOf = (id: string, lang: string, width: number) => readFileSync(join(REFS, refName(id, lang, width)));

  test('a clipped ledger column (the stage deadline column narrowed)', async () => {
    const page = pages.get(1280)!;
    await showStory(page, 'dispute-ledger--typical', 'zh-CN');
    expect(compare(await shoot(page), refOf('dispute-ledger--typical', 'zh-CN', 1280)).ok, 'the story as it is').toBe(true);
    await injectCss(page, '[role="cell"]:nth-child(10), [role="columnheader"]:nth-child(10) { max-width: 5.5rem; overflow: hidden; white-space: nowrap; }');
    const result = compare(await shoot(page), refOf('dispute-ledger--typical', 'zh-CN', 1280));
    expect(result.ok).toBe(false);
    expect(result.diffPixels).toBeGreaterThan(100);
  });

  test('a reference keeps every pixel of its screenshot (the small encoding is lossless)', async () => {
    const page = pages.get(390)!;
    await showStory(page, 'dispute-ledger--typical', 'en');
    const shot = await shoot(page);
    const a = PNG.sync.read(shot);
    const r = PNG.sync.read(toReference(shot));
    expect([r.width, r.height]).toEqual([a.width, a.height]);
    let differ = 0;
    for (let i = 0; i < a.data.length; i += 4) if (a.data[i] !== r.data[i] || a.data[i + 1] !== r.data[i + 1] || a.data[i + 2] !== r.data[i + 2]) differ++;
    expect(differ).toBe(0);
  });

  test('a lost border (the text inputs of the intake form)', async () => {
    const page = pages.get(390)!;
    await showStory(page, 'dispute-intake--empty', 'zh-CN');
    await injectCss(page, 'input, textarea, select { border-color: transparent !important; }');
    const result = compare(await shoot(page), refOf('dispute-intake--empty', 'zh-CN', 390));
    expect(result.ok).toBe(false);
  });

  test('Chinese rendered as boxes: the same Chromium without fonts-noto-cjk', async () => {
    // Fontconfig told to reject the Noto CJK files is Chromium on a machine without the package.
    const dir = join(tmpdir(), `bihuan-nocjk-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'fonts.conf'),
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
<selectfont><rejectfont><glob>*CJK*</glob><glob>*cjk*</glob><glob>*wqy*</glob><glob>*droid*</glob></rejectfont></selectfont>
</fontconfig>`,
    );
    const options = chromiumLaunchOptions();
    const bare = await chromium.launch({ ...options, env: { ...process.env, FONTCONFIG_FILE: join(dir, 'fonts.conf') } });
    try {
      const page = await openHarness(bare, server.url, 1280);
      await showStory(page, 'rate-card--typical', 'zh-CN');
      const result = compare(await shoot(page), refOf('rate-card--typical', 'zh-CN', 1280));
      expect(result.ok).toBe(false);
    } finally {
      await bare.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
