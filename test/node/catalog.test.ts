// The built catalog (pnpm catalog:build → test/.catalog), opened in real Chromium: each rate-card
// story really renders its widget, and passes axe there too.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright';
import { startStaticServer } from '../../examples/static-server.mjs';
import { AXE_SOURCE, WCAG_TAGS, launchChromium } from './support/chromium.js';
import { CATEGORY, attributeNames, catalogArgTypes, controllableKeys, declarationOf, slimManifest, type Manifest } from '../../stories/support/catalog.js';
import { WIDGETS, componentDescription } from '../../stories/support/embed.js';

const manifest = JSON.parse(readFileSync('packages/widgets/custom-elements.json', 'utf8')) as Manifest;
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));
const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Every member the catalog must never offer: private, protected, static, or without a public JSDoc. */
function hiddenMembers(tag: string): string[] {
  const d = declarationOf(manifest, tag)!;
  const publicAttributes = new Set((d.attributes ?? []).filter((a) => a.description?.trim()).map((a) => a.fieldName ?? camel(a.name)));
  return (d.members ?? [])
    .filter((m) => m.privacy === 'private' || m.privacy === 'protected' || m.static || !m.description?.trim())
    .map((m) => m.name)
    .filter((name) => !publicAttributes.has(name));
}
/** Story arg keys of the public attributes (`numerator-label` → `numeratorLabel`). */
const publicAttributeKeys = (tag: string) =>
  (declarationOf(manifest, tag)!.attributes ?? []).filter((a) => a.description?.trim()).map((a) => a.fieldName ?? camel(a.name));

describe('the catalog shows the public API only', () => {
  test('every widget of the manifest is in the catalog, with a Chinese description and how to embed it', () => {
    expect(tags.length).toBeGreaterThanOrEqual(15);
    for (const tag of tags) {
      const text = componentDescription(manifest, tag);
      expect(WIDGETS[tag]?.zh, tag).toMatch(/[\u4e00-\u9fff]/);
      expect(text.indexOf(WIDGETS[tag]!.zh), `${tag}: 中文 first`).toBe(0);
      expect(text).toContain(`import '@bihuan/widgets/${tag.slice(3)}';`);
      expect(text).toContain(`<script type="module" src="/static/bihuan/${tag}.js"></script>`);
      expect(text).toContain(`<${tag}`);
    }
  });

  test('no private, protected, static or undocumented member becomes a row, and no internal controller', () => {
    for (const tag of tags) {
      const types = catalogArgTypes(manifest, tag);
      for (const name of hiddenMembers(tag)) expect(Object.keys(types), `${tag}.${name}`).not.toContain(name);
      expect(Object.keys(types)).not.toEqual(expect.arrayContaining(['laterTimer']));
    }
    const ledger = Object.keys(catalogArgTypes(manifest, 'bh-dispute-ledger'));
    for (const internal of ['laterTimer', 'onScroll', 'storeController', 'localeController', 'bihuanVersion', 'finalize', 'renderContent']) {
      expect(ledger).not.toContain(internal);
    }
  });

  test('every public attribute has a control; parts, events, slots and custom properties are documentation only', () => {
    for (const tag of tags) {
      const types = catalogArgTypes(manifest, tag);
      const controls = controllableKeys(manifest, tag);
      for (const key of publicAttributeKeys(tag)) expect([...controls], `${tag} attribute ${key}`).toContain(key);
      for (const [key, type] of Object.entries(types)) {
        if ([CATEGORY.events, CATEGORY.parts, CATEGORY.slots, CATEGORY.cssProperties].includes(type.table.category as never)) {
          expect(type.control, `${tag} ${key}`).toBe(false);
        }
        if (type.control !== false) expect(type.control.type, `${tag} ${key}`).not.toBe('object');
      }
    }
  });

  test('the preview’s slim manifest gives every widget the same rows, controls and description as the whole one', () => {
    const slim = slimManifest(manifest);
    expect(JSON.stringify(slim).length).toBeLessThan(JSON.stringify(manifest).length / 2);
    for (const tag of tags) {
      expect(catalogArgTypes(slim, tag), tag).toEqual(catalogArgTypes(manifest, tag));
      expect(attributeNames(slim, tag), tag).toEqual(attributeNames(manifest, tag));
      expect(componentDescription(slim, tag), tag).toBe(componentDescription(manifest, tag));
    }
  });

  test('the rate card’s `label` attribute and its `label` part are two rows', () => {
    const types = catalogArgTypes(manifest, 'bh-rate-card');
    expect(types.label).toMatchObject({ name: 'label', control: { type: 'text' }, table: { category: CATEGORY.attributes } });
    expect(types['part:label']).toMatchObject({ name: 'label', control: false, table: { category: CATEGORY.parts } });
    expect(types.lowerIsBetter).toMatchObject({ name: 'lower-is-better', control: { type: 'boolean' } });
    expect(types.numerator).toMatchObject({ control: { type: 'number' } });
    expect(types['event:bh-problem']).toMatchObject({ control: false, table: { category: CATEGORY.events } });
  });
});

const dir = 'test/.catalog';
let server: Awaited<ReturnType<typeof startStaticServer>>;
let browser: Browser;

const index = existsSync(`${dir}/index.json`)
  ? (JSON.parse(readFileSync(`${dir}/index.json`, 'utf8')) as { entries: Record<string, { id: string; type: string; title: string; name: string }> })
  : { entries: {} };
const stories = Object.values(index.entries).filter((e) => e.type === 'story');

describe('the built catalog', () => {
  beforeAll(async () => {
    if (!existsSync(`${dir}/index.json`)) throw new Error('The catalog is not built: run `pnpm catalog:build` (the test command does).');
    server = await startStaticServer({ mounts: { '/': dir }, csp: false });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('lists the rate card’s stories and its docs page', () => {
    const rateCard = stories.filter((s) => s.title.startsWith('Widgets/Rate card'));
    expect(rateCard.map((s) => s.name)).toEqual(expect.arrayContaining(['Typical', 'Empty', 'Invalid', 'English']));
    expect(Object.values(index.entries).some((e) => e.type === 'docs' && e.title.startsWith('Widgets/Rate card'))).toBe(true);
  });

  // The rate card's docs page, loaded once for the two tests that read it (a docs page's load is
  // most of what either costs).
  let docsPage: Promise<Page> | undefined;
  const rateCardDocs = () =>
    (docsPage ??= (async () => {
      const docs = Object.values(index.entries).find((e) => e.type === 'docs' && e.title.startsWith('Widgets/Rate card'))!;
      const page = await browser.newPage();
      await page.goto(`${server.url}iframe.html?id=${encodeURIComponent(docs.id)}&viewMode=docs`);
      return page;
    })());
  afterAll(async () => (await docsPage)?.close());

  test('the docs page carries the manifest’s attributes, parts and custom properties', async () => {
    const page = await rateCardDocs();
    await page.waitForSelector('text=previous-numerator', { timeout: 30_000 });
    const text = await page.locator('body').innerText();
    expect(text).toContain('--bh-color-good');
    expect(text).toContain('bh-problem');
  });

  // One docs page, then every story's arg types read from the same page's story store (no page per story).
  test('docs previews follow the toolbar’s language; no story offers a control for a private member; every public attribute has one', async () => {
    // Still in the toolbar's first language (the test above only reads the page).
    const page = await rateCardDocs();
    // The docs page renders a story when it comes near the view (.storybook/preview.ts): the first
    // one, Typical (406 of 425), is rendered at once; every story's root is there from the start.
    const shown = () =>
      page.evaluate(() => ({
        langs: [...document.querySelectorAll('.docs-story .bh-story-root')].map((root) => root.getAttribute('lang')),
        texts: [...document.querySelectorAll('.docs-story .bh-story-root[data-shown] bh-rate-card')].map((el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ')),
      }));
    const until = (text: string) =>
      page.waitForFunction((t) => [...document.querySelectorAll('.docs-story .bh-story-root[data-shown] bh-rate-card')].some((el) => el.shadowRoot?.textContent?.replace(/\s+/g, ' ').includes(t)), text, { timeout: 60_000, polling: 100 });
    await until('受理 425 件，化解 406 件');
    await page.waitForFunction(() => document.querySelectorAll('.docblock-argstable tbody tr').length > 0, undefined, { timeout: 60_000 });
    // Storybook's docs wrapper says lang="en": every story root says what the toolbar says.
    const zh = await shown();
    expect(zh.langs.length).toBeGreaterThanOrEqual(7);
    expect(zh.langs.every((lang) => lang === 'zh-CN')).toBe(true);
    // What the toolbar's 语言 switch sends to the preview: the shown previews re-render in English,
    // our own labels included (综治中心化解率 → Governance centre resolution rate), no Chinese left.
    await page.evaluate(() => (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: { emit(e: string, a: object): void } }).__STORYBOOK_ADDONS_CHANNEL__.emit('updateGlobals', { globals: { lang: 'en' } }));
    // Storybook may render the docs' stories more than once after a globals update (a root can be
    // replaced between two reads): the English state is read in the same evaluation that finds it.
    await until('Accepted 425 cases, resolved 406 cases');
    let en = await shown();
    for (const start = Date.now(); !en.texts.some((text) => text.includes('Accepted 425 cases, resolved 406 cases')) && Date.now() - start < 60_000; ) {
      await new Promise((r) => setTimeout(r, 100));
      en = await shown();
    }
    expect(en.langs.every((lang) => lang === 'en')).toBe(true);
    expect(en.texts.length).toBeGreaterThan(0);
    expect(en.texts.filter((text) => /\p{Script=Han}/u.test(text))).toEqual([]);
    // The docs table: the `label` attribute (a control) and the `label` part (documentation) both listed.
    const rows = await page.evaluate(() => [...document.querySelectorAll('.docblock-argstable tbody tr')].map((tr) => (tr.querySelector('td')?.textContent ?? '').trim()));
    expect(rows.filter((name) => name === 'label').length).toBe(2);

    type Loaded = { component?: string; argTypes: Record<string, { control?: unknown; table?: { disable?: boolean } }> };
    const argTypesOf = (ids: string[]) =>
      page.evaluate(async (storyIds) => {
        const preview = (window as unknown as { __STORYBOOK_PREVIEW__: { storyStoreValue: { loadStory(a: { storyId: string }): Promise<Loaded> } } }).__STORYBOOK_PREVIEW__;
        const out: Record<string, { component?: string; controls: string[]; rows: string[] }> = {};
        for (const storyId of storyIds) {
          const story = await preview.storyStoreValue.loadStory({ storyId });
          const entries = Object.entries(story.argTypes);
          out[storyId] = {
            component: story.component,
            controls: entries.filter(([, t]) => t.control !== false && t.control !== undefined && !t.table?.disable).map(([k]) => k),
            rows: entries.filter(([, t]) => !t.table?.disable).map(([k]) => k),
          };
        }
        return out;
      }, ids);
    const loaded = await argTypesOf(stories.map((s) => s.id));
    expect(Object.keys(loaded).length).toBe(stories.length);
    for (const [id, { component, controls, rows: shown }] of Object.entries(loaded)) {
      expect(component, id).toMatch(/^bh-/);
      const allowed = controllableKeys(manifest, component!);
      expect(controls.filter((k) => !allowed.has(k)), `${id}: controls outside the public API`).toEqual([]);
      expect(shown.filter((k) => hiddenMembers(component!).includes(k)), `${id}: private members listed`).toEqual([]);
      expect(publicAttributeKeys(component!).filter((k) => !controls.includes(k)), `${id}: public attributes without a control`).toEqual([]);
    }
    await page.close();
  }, 180_000);

  // Every story of the built catalog in one page (a page per story cost most of the suite's time):
  // the widget renders, the page throws nothing. axe runs over every story in the browser suite
  // (test/browser/stories.test.ts) from the same story files; here it runs on the rate card's,
  // to prove the built catalog itself is accessible. The whole walk is one evaluation in the page:
  // each story's selection, render, text and (for the rate card) axe run there one after another,
  // with no round trip to this process between stories.
  test('every story renders its widget in the built catalog, with no page error', async () => {
    // Storybook waits after every story's render (100 ms, then for every finite animation on the
    // page, up to 5 s) unless it runs under a test runner, which it knows by this user agent: then it
    // puts the animations at their end at once. What a story renders is the same either way.
    const blank = await browser.newPage();
    const userAgent = `${await blank.evaluate(() => navigator.userAgent)} StorybookTestRunner`;
    await blank.close();
    const page = await browser.newPage({ userAgent });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const empty: string[] = [];
    // One page load: the next story is selected the way the catalog's sidebar does it (the
    // `setCurrentStory` message), not by reloading Storybook's megabyte of script for each.
    // (opened on the last story, so that selecting the first one is a change that renders)
    await page.goto(`${server.url}iframe.html?id=${stories.at(-1)!.id}&viewMode=story`);
    await page.waitForFunction(() => '__STORYBOOK_ADDONS_CHANNEL__' in window, undefined, { timeout: 60_000 });
    await page.addScriptTag({ path: AXE_SOURCE });
    const walk = stories.map((s) => ({ id: s.id, axe: s.title.startsWith('Widgets/Rate card') }));
    const results = await page.evaluate(
      async ({ walk, tags }) => {
        type Channel = { on(e: string, f: (a: unknown) => void): void; off(e: string, f: (a: unknown) => void): void; emit(e: string, a: object): void };
        const channel = (window as unknown as { __STORYBOOK_ADDONS_CHANNEL__: Channel }).__STORYBOOK_ADDONS_CHANNEL__;
        const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe;
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const widget = () => [...document.querySelectorAll('#storybook-root *')].find((e) => e.tagName.startsWith('BH-'));
        const out: { id: string; outcome: string; rendered: boolean; text: string; violations: string[] }[] = [];
        for (const { id, axe: withAxe } of walk) {
          const outcome = await new Promise<string>((resolve) => {
            let timer: ReturnType<typeof setTimeout> | undefined;
            const finish = (result: string) => () => {
              clearTimeout(timer);
              for (const [event, f] of handlers) channel.off(event, f);
              resolve(result);
            };
            const handlers: [string, (a: unknown) => void][] = [
              ['storyRendered', (storyId) => storyId === id && finish('rendered')()],
              ['storyErrored', finish('errored')],
              ['storyThrewException', finish('threw')],
            ];
            for (const [event, f] of handlers) channel.on(event, f);
            channel.emit('setCurrentStory', { storyId: id, viewMode: 'story' });
            timer = setTimeout(finish('timeout'), 30_000);
          });
          // The widget has rendered content (waited for up to 30 s, frame by frame).
          let rendered = false;
          for (const start = performance.now(); performance.now() - start < 30_000; await frame()) {
            if (widget()?.shadowRoot?.childElementCount) {
              rendered = true;
              break;
            }
          }
          const text = rendered ? widget()!.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim() : '';
          let violations: string[] = [];
          if (rendered && withAxe) {
            const result = await axe.run(document.querySelector('#storybook-root'), { runOnly: { type: 'tag', values: tags } });
            violations = result.violations.map((v) => `${v.id} (${v.nodes.length})`);
          }
          out.push({ id, outcome, rendered, text, violations });
        }
        return out;
      },
      { walk, tags: WCAG_TAGS },
    );
    expect(results.map((r) => r.id)).toEqual(stories.map((s) => s.id));
    for (const [i, { outcome, rendered, text, violations }] of results.entries()) {
      const story = stories[i]!;
      if (outcome !== 'rendered') errors.push(`${story.title} / ${story.name}: ${outcome}`);
      if (!rendered) {
        empty.push(`${story.title} / ${story.name} (no widget rendered)`);
        continue;
      }
      if (!text) empty.push(`${story.title} / ${story.name}`);
      if (story.title.startsWith('Widgets/Rate card')) {
        if (story.name === 'Typical') expect(text).toContain('95.53%');
        if (story.name === 'Empty') expect(text).toContain('—');
        if (story.name === 'Invalid') expect(text).toContain('不能大于分母');
        expect(violations, `${story.title} / ${story.name}`).toEqual([]);
      }
    }
    expect(stories.length).toBeGreaterThan(50);
    expect(empty, 'stories whose widget rendered no text').toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
