// The hostile-property sweep: every custom element the package defines, every public property
// (its declared reactive properties) and every attribute in custom-elements.json, set to hostile
// values on the widget's Typical story, then its primary buttons clicked and Enter pressed. Nothing
// may throw into the page, no injected script may run, a set must return promptly, and whatever
// problem the widget shows in place must be in words of its locale — never raw JavaScript text.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { userEvent } from 'vitest/browser';
import { render } from 'lit';
import '@bihuan/widgets';
import manifest from '../../packages/widgets/custom-elements.json';
import { widgetStories, quiet } from './support/stories.js';
import { allElements, cleanup, nextTask } from './support/render.js';
import { ATTRIBUTE_VALUES, ENGLISH_VALUES, GENERIC_VALUES, RAW_ERROR_TEXT, type HostileValue } from './support/hostile-values.js';

/** A set (with the update and loads it causes) must be done within this: a 1 MB `towns` once froze the page for 88 s. */
const SET_BOUND_MS = 5_000;

interface Declared {
  tag: string;
  attributes: string[];
}

const declared: Declared[] = [];
for (const mod of (manifest as { modules: { declarations?: { tagName?: string; customElement?: boolean; attributes?: { name: string }[] }[] }[] }).modules) {
  for (const d of mod.declarations ?? []) if (d.customElement && d.tagName) declared.push({ tag: d.tagName, attributes: (d.attributes ?? []).map((a) => a.name) });
}

/** Public reactive properties of a widget class (Lit's declared properties without internal state). */
function publicProperties(tag: string): string[] {
  const ctor = customElements.get(tag) as unknown as { elementProperties: Map<string, { state?: boolean }> };
  return [...ctor.elementProperties].filter(([, options]) => !options.state).map(([name]) => String(name));
}

const tally = {
  cases: 0,
  propertyCases: 0,
  attributeCases: 0,
  interactions: 0,
  problemsShown: 0,
  uncaught: [] as string[],
  unhandled: [] as string[],
  thrownBySet: [] as string[],
  rawText: [] as string[],
  wrongLocale: [] as string[],
  slow: [] as string[],
  injected: 0,
  polluted: [] as string[],
  maxMs: 0,
  perWidget: {} as Record<string, number>,
};

let current = '';
const describeError = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).slice(0, 200);
const onError = (event: ErrorEvent) => {
  tally.uncaught.push(`${current}: ${describeError(event.error ?? event.message)}`);
  event.preventDefault();
};
const onRejection = (event: PromiseRejectionEvent) => {
  tally.unhandled.push(`${current}: ${describeError(event.reason)}`);
  event.preventDefault();
};

beforeAll(() => {
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  window.__xss = [];
});

afterAll(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  const { uncaught, unhandled, thrownBySet, rawText, wrongLocale, slow, polluted, ...counts } = tally;
  console.log(
    `hostile-props: ${JSON.stringify({ ...counts, uncaught: uncaught.length, unhandled: unhandled.length, thrownBySet: thrownBySet.length, rawText: rawText.length, wrongLocale: wrongLocale.length, slow: slow.length, polluted: polluted.length })}`,
  );
});

const CJK = /[\u3400-\u9fff]/;
const CJK_PUNCTUATION = /[，。：；、（）！？]/;
const PROBLEM_SELECTOR = '[part~="problem"], [role="alert"], .error-summary, .field-error, .refusal';

/**
 * What a reader sees of a widget, in one walk of its shadow tree (nested widgets included): all its
 * text, and the texts of the problems it shows in place.
 */
function readWidget(widget: Element): { text: string; problems: string[] } {
  if (!widget.shadowRoot) return { text: '', problems: [] };
  let text = widget.shadowRoot.textContent ?? '';
  const problems: string[] = [];
  for (const el of allElements(widget.shadowRoot)) {
    if (el.shadowRoot) text += ` ${el.shadowRoot.textContent ?? ''}`;
    if (!el.matches(PROBLEM_SELECTOR)) continue;
    const problem = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (problem) problems.push(problem);
  }
  return { text, problems };
}

/** Waits for the widget's update and its store loads, without swallowing what they throw. */
async function settleWidget(widget: Element): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, SET_BOUND_MS * 2)));
  const work = (async () => {
    for (let round = 0; round < 3; round++) {
      await nextTask();
      const pending = [widget, ...(widget.shadowRoot ? allElements(widget.shadowRoot) : [])]
        .map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete)
        .filter(Boolean);
      // An update that throws is a failure of the widget even though we are the ones waiting for it.
      await Promise.all(pending.map((p) => p!.catch((e: unknown) => tally.unhandled.push(`${current}: update threw ${describeError(e)}`))));
    }
  })();
  await Promise.race([work, deadline]);
  clearTimeout(timer);
}

function check(widget: Element, lang: 'zh-CN' | 'en', label: string, startedAt: number): void {
  const ms = performance.now() - startedAt;
  tally.maxMs = Math.max(tally.maxMs, ms);
  if (ms > SET_BOUND_MS) tally.slow.push(`${label}: ${Math.round(ms)} ms`);
  const { text, problems } = readWidget(widget);
  const raw = RAW_ERROR_TEXT.exec(text);
  if (raw) tally.rawText.push(`${label}: …${text.slice(Math.max(0, raw.index - 60), raw.index + 60).replace(/\s+/g, ' ')}…`);
  for (const problem of problems) {
    tally.problemsShown++;
    const wrong = lang === 'zh-CN' ? !CJK.test(problem) : CJK_PUNCTUATION.test(problem) || !/[A-Za-z]{3}/.test(problem);
    if (wrong) tally.wrongLocale.push(`${label}: ${problem.slice(0, 160)}`);
  }
  if ((window.__xss ?? []).length > 0) {
    tally.injected += window.__xss!.length;
    window.__xss = [];
  }
  const probe = {} as Record<string, unknown>;
  if ('polluted' in probe || 'hostile' in probe) {
    tally.polluted.push(label);
    delete (Object.prototype as Record<string, unknown>).polluted;
  }
}

/**
 * Clicks one of the widget's primary buttons (submit, `.primary`) as a clerk would: a different one
 * case by case, so that across a property's values every primary button is pressed after a hostile
 * set (one click per case keeps the sweep within the suite's time). Says whether it clicked one.
 */
async function interact(widget: Element): Promise<boolean> {
  const buttons = primaryButtons(widget);
  if (buttons.length === 0) return false;
  tally.interactions++;
  buttons[tally.cases % buttons.length]!.click();
  await settleWidget(widget);
  return true;
}

/** The widget's enabled primary buttons (submit, `.primary`, a `submit` part). */
function primaryButtons(widget: Element): HTMLButtonElement[] {
  if (!widget.shadowRoot) return [];
  return [...allElements(widget.shadowRoot)].filter(
    (el): el is HTMLButtonElement => el instanceof HTMLButtonElement && !el.disabled && (el.type === 'submit' || el.classList.contains('primary') || (el.getAttribute('part') ?? '').includes('submit')),
  );
}

/** Focuses the first text field and presses Enter with a real key press. */
async function pressEnter(widget: Element): Promise<void> {
  const input = widget.shadowRoot ? [...allElements(widget.shadowRoot)].find((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type !== 'hidden' && !el.disabled) : undefined;
  if (!input) return;
  input.focus();
  tally.interactions++;
  await userEvent.keyboard('{Enter}');
  await settleWidget(widget);
}

/** Renders the widget's Typical story (or its first) and returns the widget. */
async function baseline(tag: string, lang: 'zh-CN' | 'en'): Promise<{ widget: HTMLElement; container: HTMLElement }> {
  const group = widgetStories.find((w) => w.tag === tag);
  const story = group?.stories.find((s) => s.name === 'Typical') ?? group?.stories[0];
  const container = document.createElement('div');
  container.lang = lang;
  document.body.append(container);
  if (story) render(story.template(), container);
  else container.append(document.createElement(tag));
  await quiet(container, 10);
  const widget = container.querySelector<HTMLElement>(tag) ?? container.appendChild(document.createElement(tag));
  return { widget, container };
}

/** One case: the set (which must not throw), the update it causes, the checks, then the clicks. */
async function runCase(tag: string, widget: HTMLElement, lang: 'zh-CN' | 'en', label: string, set: () => void): Promise<void> {
  current = label;
  tally.cases++;
  tally.perWidget[tag] = (tally.perWidget[tag] ?? 0) + 1;
  const startedAt = performance.now();
  try {
    set();
  } catch (error) {
    tally.thrownBySet.push(`${label}: ${describeError(error)}`);
  }
  await settleWidget(widget);
  check(widget, lang, label, startedAt);
  // Without a button to click nothing changed since the check above: it would find the same.
  if (await interact(widget)) check(widget, lang, `${label}, after clicking`, performance.now());
}

/**
 * One property's values, each set on the rendered widget, checked, clicked, and the story's own
 * value put back (and let settle) before the next, so that every value meets the widget as the
 * story left it. Then the last value once more and Enter pressed; the story's value back at the end.
 */
async function sweepProperty(tag: string, widget: HTMLElement, lang: 'zh-CN' | 'en', name: string, values: HostileValue[]): Promise<void> {
  const target = widget as unknown as Record<string, unknown>;
  const original = target[name];
  const restore = async (label: string) => {
    try {
      target[name] = original;
    } catch (error) {
      tally.thrownBySet.push(`${label} (restoring): ${describeError(error)}`);
    }
    await settleWidget(widget);
  };
  for (const value of values) {
    const label = `<${tag} lang=${lang}>.${name} = ${value.label}`;
    tally.propertyCases++;
    await runCase(tag, widget, lang, label, () => {
      target[name] = value.make();
    });
    await restore(label);
  }
  current = `<${tag} lang=${lang}>.${name}, Enter pressed`;
  target[name] = values[values.length - 1]!.make();
  await settleWidget(widget);
  await pressEnter(widget);
  check(widget, lang, current, performance.now());
  await restore(current);
}

async function sweepAttributes(tag: string, widget: HTMLElement, lang: 'zh-CN' | 'en', attributes: string[]): Promise<void> {
  const values = lang === 'en' ? ATTRIBUTE_VALUES.filter((_, i) => i % 3 === 0) : ATTRIBUTE_VALUES;
  for (const attribute of attributes) {
    const original = widget.getAttribute(attribute);
    for (const value of values) {
      const label = `<${tag} lang=${lang} ${attribute}="${value.label}">`;
      tally.attributeCases++;
      await runCase(tag, widget, lang, label, () => widget.setAttribute(attribute, value.make() as string));
    }
    if (original === null) widget.removeAttribute(attribute);
    else widget.setAttribute(attribute, original);
    await settleWidget(widget);
  }
  await pressEnter(widget);
}

describe('hostile properties and attributes on every widget', () => {
  test('the sweep covers every custom element the package defines', () => {
    expect(declared.length).toBeGreaterThanOrEqual(15);
    for (const { tag } of declared) expect(customElements.get(tag), tag).toBeDefined();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    describe(`in ${lang}`, () => {
      for (const { tag, attributes } of declared) {
        test(`<${tag}>`, async () => {
          const before = { ...tally, uncaught: tally.uncaught.length, unhandled: tally.unhandled.length, thrownBySet: tally.thrownBySet.length, rawText: tally.rawText.length, wrongLocale: tally.wrongLocale.length, slow: tally.slow.length };
          // The story is rendered once per widget and language (rendering a story, with the records
          // it seeds, costs far more than a case): every property and attribute is swept on it,
          // each value set against the story's own state and the story's value put back after it.
          // A click may leave the story elsewhere (a form submitted, a step done): when fewer
          // primary buttons are left than the story had, the next sweep gets the story afresh.
          let { widget, container } = await baseline(tag, lang);
          const buttons = primaryButtons(widget).length;
          const fresh = async () => {
            if (primaryButtons(widget).length >= buttons) return;
            container.remove();
            await settleWidget(widget);
            ({ widget, container } = await baseline(tag, lang));
          };
          for (const name of publicProperties(tag)) {
            await fresh();
            await sweepProperty(tag, widget, lang, name, lang === 'en' ? ENGLISH_VALUES : GENERIC_VALUES);
          }
          await fresh();
          await sweepAttributes(tag, widget, lang, attributes);
          container.remove();
          await settleWidget(widget);
          cleanup();
          const failures = [
            ...tally.uncaught.slice(before.uncaught).map((s) => `uncaught: ${s}`),
            ...tally.unhandled.slice(before.unhandled).map((s) => `unhandled rejection: ${s}`),
            ...tally.thrownBySet.slice(before.thrownBySet).map((s) => `thrown by a set: ${s}`),
            ...tally.rawText.slice(before.rawText).map((s) => `raw JavaScript text shown: ${s}`),
            ...tally.wrongLocale.slice(before.wrongLocale).map((s) => `problem not in ${lang}: ${s}`),
            ...tally.slow.slice(before.slow).map((s) => `slow: ${s}`),
          ];
          expect(failures.length, `${failures.length} failures:\n${failures.slice(0, 40).join('\n')}`).toBe(0);
          expect(tally.injected).toBe(0);
          expect(tally.polluted).toEqual([]);
        }, 600_000);
      }
    });
  }
});
