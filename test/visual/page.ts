// Runs inside the screenshot page: renders one story after another into the same page (a page load
// per screenshot would cost a second each), the way the catalog does, and waits until it is still.
import { render } from 'lit';
import { fixturesOnce } from '../browser/support/fixtures.ts';

type StoryFn = (args: object, ctx: object) => unknown;
type Meta = { title: string; render?: StoryFn; args?: Record<string, unknown> };
type Story = { args?: Record<string, unknown>; render?: StoryFn; name?: string };
export type StoryModule = Record<string, unknown> & { default: Meta };

/** One story as the test names it: `rate-card--typical`, its catalog title and export name. */
export interface StoryEntry {
  id: string;
  title: string;
  name: string;
  /** The language the story fixes itself (`args.lang`), if any: it is shot in that language only. */
  lang: string | null;
}

const stories = new Map<string, { meta: Meta; story: Story; name: string }>();

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

export function register(modules: Record<string, StoryModule>): void {
  for (const [file, mod] of Object.entries(modules)) {
    const stem = file.replace(/^.*\//, '').replace(/\.stories\.ts$/, '');
    for (const [name, story] of Object.entries(mod)) {
      if (name === 'default' || typeof story !== 'object' || story === null) continue;
      stories.set(`${stem}--${kebab(name)}`, { meta: mod.default, story: story as Story, name });
    }
  }
}

export function list(): StoryEntry[] {
  return [...stories].map(([id, { meta, story, name }]) => {
    const lang = { ...meta.args, ...story.args }.lang;
    return { id, title: meta.title, name, lang: typeof lang === 'string' ? lang : null };
  });
}

function* deep(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

/**
 * Markup of the whole tree, shadow roots included, with every attribute (a class, `hidden` or a
 * style changes the layout without changing the text), and the stage's laid-out size: unchanged
 * over two frames = the story is still. The size matters on its own: a layout that follows the
 * previous frame's layout (a scroll-state container query, such as the "scroll sideways" line over
 * a table wider than the widget) lands a frame after the markup settles, and a story shot before
 * it lost that line (26 px) from its picture.
 */
function fingerprint(root: Element): string {
  let out = '';
  for (const el of deep(root)) {
    out += `<${el.tagName}${el.shadowRoot ? '#' : ''}`;
    for (const name of el.getAttributeNames()) out += ` ${name}=${el.getAttribute(name)}`;
    out += `>${el.childElementCount ? '' : el.textContent}`;
  }
  const box = root.getBoundingClientRect();
  return `${out}|${box.width}x${box.height}`;
}

const frame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));

/**
 * Every font family the story's text is set in, loaded for the characters it shows
 * (`document.fonts.ready` only covers loads already started, and a family first used by the
 * latest render may not have started yet).
 */
async function fontsOf(root: Element): Promise<void> {
  const families = new Map<string, Set<string>>();
  for (const el of deep(root)) {
    const text = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent ?? '').join('').trim();
    if (!text) continue;
    const style = getComputedStyle(el);
    const font = `${style.fontStyle} ${style.fontWeight} 16px ${style.fontFamily}`;
    const chars = families.get(font) ?? new Set<string>();
    for (const c of text) chars.add(c);
    families.set(font, chars);
  }
  await Promise.all([...families].map(([font, chars]) => document.fonts.load(font, [...chars].join('')).catch(() => [])));
  await document.fonts.ready;
}

async function settle(root: Element): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const pending = [...deep(root)].map((el) => (el as Partial<{ updateComplete: Promise<unknown> }>).updateComplete).filter(Boolean);
    if (pending.length === 0) break;
    if ((await Promise.all(pending)).every((done) => done === true)) break;
  }
}

/** Renders story `id` in `lang` into #stage and resolves once fonts are loaded and nothing changes. */
export async function show(id: string, lang: string): Promise<void> {
  const entry = stories.get(id);
  if (!entry) throw new Error(`no story ${id}`);
  // A fresh stage per story: nothing of the previous story (its widget, its listeners) stays.
  const old = document.getElementById('stage')!;
  const stage = document.createElement('div');
  stage.id = 'stage';
  old.replaceWith(stage);
  document.documentElement.lang = lang;
  stage.lang = lang;
  const args = fixturesOnce(id, { ...entry.meta.args, ...entry.story.args });
  const fn = entry.story.render ?? entry.meta.render!;
  render(fn(args, { args, id, name: entry.name, globals: { lang } }), stage);
  let before = '';
  for (let round = 0; round < 20; round++) {
    await settle(stage);
    await fontsOf(stage);
    await frame();
    await frame();
    const now = fingerprint(stage);
    if (now === before) break;
    before = now;
  }
  (document.activeElement as HTMLElement | null)?.blur?.();
  window.scrollTo(0, 0);
}

/** Narrows the element matched by `selector` inside the first widget's shadow root (the self-test). */
export function inject(css: string): void {
  const widget = [...deep(document.getElementById('stage')!)].find((el) => el.tagName.startsWith('BH-') && el.shadowRoot);
  const style = document.createElement('style');
  style.textContent = css;
  widget!.shadowRoot!.append(style);
}
