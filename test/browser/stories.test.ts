// Every story of every widget — its empty, typical, large and error states — rendered in real
// Chromium and held to every check that reads a rendered story. Rendering the stories (with the
// thousands of records the large ones seed) is what costs; so each widget's stories are rendered
// twice on one page, once in zh-CN and once in English, and every check runs on those renderings:
// - zh-CN: each story passes axe as soon as it has rendered (WCAG 2.x A and AA; one axe run over all
//   the widget's stories, rendered at once, each violation named by its story); every total shown
//   beside its parts foots (support/checks/figures.ts); nothing is clipped at 1280 px
//   (support/checks/clipped.ts); every story fits at 320 px with and without a hostile host
//   stylesheet (support/checks/reflow.ts); every story stays usable under that stylesheet
//   (support/checks/host-css.ts).
// - English: the words (support/checks/words.ts); nothing clipped at 1280 px; every story fits at
//   320 px with and without the hostile stylesheet.
// A new stories file is picked up without touching this test.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { axeViolationsIn } from './support/axe.js';
import { cleanup } from './support/render.js';
import { addHostileCss } from './support/hostile-css.js';
import { quiet, renderStories, renderStoriesAtOnce, renderStory, shadowElements, widgetStories, type RenderedStory } from './support/stories.js';
import { expectFoots, footGroups, type FootGroup } from './support/checks/figures.js';
import { DESKTOP_WIDTH, clippedProblems } from './support/checks/clipped.js';
import { REFLOW_WIDTH, reflowProblems, type Lang } from './support/checks/reflow.js';
import { hostCssProblems } from './support/checks/host-css.js';
import { wordsProblems } from './support/checks/words.js';

/** Generous: the largest stories (a city's 103 tasks × 36 officers) take a minute on a loaded machine. */
const SLOW = 240_000;
/** For the set-up that renders all of a widget's stories at once and runs axe over them. */
const WIDGET = 600_000;
/** Where a violation axe found outside every story's container would be reported (none should be). */
const OUTSIDE = '(outside every story)';

const desktop = () => page.viewport(DESKTOP_WIDTH, 900);

afterAll(cleanup);

/** Nothing clipped at 1280 px in the stories on the page. */
function expectNothingClipped(rendered: RenderedStory[], lang: Lang): void {
  const problems = clippedProblems(rendered, lang);
  expect(problems, problems.slice(0, 30).join('\n')).toEqual([]);
}

/**
 * Every story on the page fits at 320 px, without and then with the hostile stylesheet. The last
 * check of its language, so the page stays at 320 px: laying a page of large stories out again at
 * 1280 px was work no check read (the next block empties the page and sets 1280 px itself).
 */
async function expectReflow(rendered: RenderedStory[], lang: Lang): Promise<void> {
  const problems: string[] = [];
  await page.viewport(REFLOW_WIDTH, 800);
  document.body.style.margin = '0';
  try {
    await quiet(document.body);
    problems.push(...(await reflowProblems(rendered, lang, `[${lang}]`)));
    const removeCss = addHostileCss();
    try {
      await quiet(document.body);
      problems.push(...(await reflowProblems(rendered, lang, `[${lang}, hostile CSS]`)));
    } finally {
      removeCss();
    }
  } finally {
    document.body.style.removeProperty('margin');
  }
  expect(problems, problems.join('\n')).toEqual([]);
}

const footed: FootGroup[] = [];

for (const widget of widgetStories) {
  describe(widget.title, () => {
    test('has stories', () => expect(widget.stories.length).toBeGreaterThan(0));

    describe('zh-CN', () => {
      let rendered: RenderedStory[] = [];
      /** What each story's first-render checks and axe found, by story. */
      const found = new Map<string, string[]>();
      const note = (story: string, lines: string[]) => found.set(story, [...(found.get(story) ?? []), ...lines]);
      beforeAll(async () => {
        cleanup();
        await desktop();
        // All the widget's stories are rendered at once and axe runs once over them as soon as they
        // have rendered, each violation given to its story: every axe run walks the whole page
        // whatever its context, and one run per story was most of this file's time.
        rendered = await renderStoriesAtOnce(widget, 'zh-CN', async (first) => {
          for (const { name, widgets } of first) {
            if (widgets.length === 0) note(name, [`${name} renders no bihuan widget`]);
            for (const w of widgets) if ((w.shadowRoot?.childElementCount ?? 0) === 0) note(name, [`${w.tagName} rendered no content`]);
          }
          const byContainer = await axeViolationsIn(first.map((r) => r.container));
          for (const { name, container } of first) note(name, byContainer.get(container) ?? []);
          note(OUTSIDE, byContainer.get(undefined) ?? []);
        });
      }, WIDGET);
      afterAll(cleanup);

      for (const story of [...widget.stories.map((s) => s.name), OUTSIDE]) {
        test(`${story} renders and passes axe`, () => {
          const lines = found.get(story) ?? [];
          expect(lines, `${widget.title} / ${story}:\n${lines.join('\n')}`).toEqual([]);
        });
      }

      test('every total shown beside its parts foots', () => {
        const mine: FootGroup[] = [];
        for (const { name, container } of rendered) footGroups(container, `${widget.title} / ${name}`, mine);
        for (const group of mine) expectFoots(group);
        footed.push(...mine);
      });

      test(`nothing clipped at ${DESKTOP_WIDTH} px`, () => expectNothingClipped(rendered, 'zh-CN'));

      test('every story stays usable under a hostile host stylesheet', { timeout: SLOW }, async () => {
        const removeCss = addHostileCss();
        let problems: string[];
        try {
          // Keyboard modality: focus moved by script after a key press shows :focus-visible, as a Tab would.
          await userEvent.keyboard('{Shift}');
          await quiet(document.body);
          problems = await hostCssProblems(rendered);
        } finally {
          removeCss();
        }
        expect(problems, problems.join('\n')).toEqual([]);
      });

      test(`every story fits at ${REFLOW_WIDTH} px, with and without hostile host CSS`, { timeout: SLOW }, () => expectReflow(rendered, 'zh-CN'));
    });

    describe('English', () => {
      let rendered: RenderedStory[] = [];
      beforeAll(async () => {
        cleanup();
        await desktop();
        rendered = await renderStories(widget, 'en');
      }, SLOW);
      afterAll(cleanup);

      test('no CJK punctuation set against English words, no name of ours in Chinese, labels start with a capital', () => {
        const { bad, lowercase, untranslated, ids } = wordsProblems(rendered);
        expect(bad).toEqual([]);
        expect(lowercase, 'labels standing on their own in lowercase').toEqual([]);
        expect(untranslated, 'names we own left in Chinese').toEqual([]);
        expect(ids, 'party ids shown where names belong').toEqual([]);
      });

      test(`nothing clipped at ${DESKTOP_WIDTH} px`, async () => {
        document.documentElement.lang = 'en';
        await quiet(document.body);
        expectNothingClipped(rendered, 'en');
      });

      test(`every story fits at ${REFLOW_WIDTH} px, with and without hostile host CSS`, { timeout: SLOW }, async () => {
        document.documentElement.lang = 'en';
        await expectReflow(rendered, 'en');
      });
    });
  });
}

describe('across the catalog', () => {
  afterAll(cleanup);

  test('the footing check is not empty: every widget that shows a total beside its parts is marked', () => {
    const where = new Set(footed.map((c) => c.where.split(' / ')[0]));
    // The scorecard, the supervision board, the one-window limits, the emergency units by station,
    // the volunteers' assists and hours by kind, the rectification items by track.
    const marked = /scorecard|supervision|liaison|emergency|volunteer|rectification/i;
    for (const title of widgetStories.map((w) => w.title).filter((t) => marked.test(t))) expect(where.has(title), title).toBe(true);
    expect(footed.filter((c) => c.parts.length > 1).length).toBeGreaterThan(10);
  });

  test('a host that sets a dark theme gets dark checkboxes in its accent colour', async () => {
    cleanup();
    await desktop();
    const removeCss = addHostileCss();
    try {
      const ledger = widgetStories.find((w) => w.tag === 'bh-dispute-ledger')!;
      const { container, widgets } = await renderStory(ledger.stories[0]!);
      container.style.setProperty('--bh-color-scheme', 'dark');
      container.style.setProperty('--bh-color-accent', '#4aa3ff');
      const box = shadowElements(widgets[0]!).find((el) => el.matches('input[type=checkbox]'))!;
      expect(box, 'the ledger has a checkbox filter').toBeTruthy();
      expect(getComputedStyle(box).colorScheme).toBe('dark');
      expect(getComputedStyle(box).accentColor).toBe('rgb(74, 163, 255)');
    } finally {
      removeCss();
    }
  });
});
