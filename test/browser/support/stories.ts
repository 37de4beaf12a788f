// Every story of every widget, grouped by widget, for tests that render many stories on one page
// (host CSS, reflow). A new stories file is picked up without touching the tests.
import { render } from 'lit';
import { allElements, settle } from './render.js';
import { fixturesOnce } from './fixtures.js';

type Render = (args: object, ctx: object) => unknown;
type StoryModule = Record<string, unknown> & {
  default: { title: string; render?: Render; args?: object; component?: string };
};
type Story = { args?: object; render?: Render };

export interface WidgetStories {
  file: string;
  title: string;
  /** The widget's tag, from the stories' `component`. */
  tag: string;
  stories: { name: string; template: () => unknown }[];
}

const modules = import.meta.glob<StoryModule>('../../../stories/**/*.stories.ts', { eager: true });

export const widgetStories: WidgetStories[] = Object.entries(modules).map(([file, mod]) => {
  const meta = mod.default;
  const stories = Object.entries(mod)
    .filter(([name]) => name !== 'default')
    .map(([name, story]) => {
      const s = story as Story;
      const args = fixturesOnce(`${file} ${name}`, { ...meta.args, ...s.args });
      const fn = s.render ?? meta.render;
      if (!fn) throw new Error(`${file} ${name} has no render function`);
      return { name, template: () => fn(args, { args, id: name, name }) };
    });
  return { file, title: meta.title, tag: meta.component ?? '', stories };
});

export interface RenderedStory {
  name: string;
  container: HTMLElement;
  widgets: HTMLElement[];
}

/**
 * Renders every story of one widget on one page, each in its own block container, one after the
 * other (stories that seed thousands of records load faster in turn than all at once), and waits
 * until each is still.
 */
export async function renderStories(widget: WidgetStories, lang?: string): Promise<RenderedStory[]> {
  const rendered: RenderedStory[] = [];
  for (const story of widget.stories) rendered.push(await renderStory(story, lang));
  return rendered;
}

/**
 * Renders every story of one widget on one page at once, each in its own block container.
 * `onRendered` sees them all as soon as their first updates are done (before store-backed widgets
 * have loaded); they are returned once every one is still.
 */
export async function renderStoriesAtOnce(
  widget: WidgetStories,
  lang: string,
  onRendered: (rendered: RenderedStory[]) => Promise<void>,
): Promise<RenderedStory[]> {
  const containers = widget.stories.map(({ name, template }) => {
    const container = document.createElement('div');
    container.dataset.story = name;
    container.lang = lang;
    document.body.append(container);
    render(template(), container);
    return { name, container };
  });
  // The page holds nothing but these stories (callers empty it first): one wait covers them all.
  await settle(document.body);
  await onRendered(containers.map(({ name, container }) => ({ name, container, widgets: bhElements(container) })));
  await quiet(document.body);
  return containers.map(({ name, container }) => ({ name, container, widgets: bhElements(container) }));
}

/** Renders one story into its own block container at the end of the page; returned once it is still. */
export async function renderStory({ name, template }: WidgetStories['stories'][number], lang?: string): Promise<RenderedStory> {
  const container = document.createElement('div');
  container.dataset.story = name;
  if (lang) container.lang = lang;
  document.body.append(container);
  render(template(), container);
  await quiet(container);
  return { name, container, widgets: bhElements(container) };
}

/** The bihuan widgets in a story's container (light DOM). */
export const bhElements = (container: ParentNode): HTMLElement[] =>
  [...container.querySelectorAll<HTMLElement>('*')].filter((el) => el.tagName.startsWith('BH-'));

/** Waits until Lit updates are done and the DOM (shadow roots included) stops changing: store-backed widgets load asynchronously. */
export async function quiet(root: ParentNode, rounds = 40): Promise<void> {
  let last = '';
  let same = 0;
  for (let i = 0; i < rounds && same < 2; i++) {
    await settle(root);
    await new Promise((r) => setTimeout(r, 25));
    const all = [...allElements(root)];
    const fingerprint = `${all.length}:${all.reduce((n, el) => n + (el.shadowRoot?.textContent?.length ?? 0), 0)}`;
    same = fingerprint === last ? same + 1 : 0;
    last = fingerprint;
  }
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** Every element inside a widget's shadow tree (nested widgets included). */
export function shadowElements(widget: Element): Element[] {
  return widget.shadowRoot ? [...allElements(widget.shadowRoot)] : [];
}

/** Rendered and not hidden: has a box, is not `visibility: hidden`, and is not clipped to 1 px (visually hidden). */
export function isShown(el: Element): boolean {
  const r = el.getBoundingClientRect();
  if (r.width <= 1 || r.height <= 1) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none';
}

/** The nearest ancestor (across shadow boundaries) whose `overflow-x` scrolls, if any. */
export function scrollingAncestor(el: Element): Element | null {
  for (let p = parentOf(el); p; p = parentOf(p)) {
    const o = getComputedStyle(p).overflowX;
    if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return p;
  }
  return null;
}

/** The parent element in the flat sense: through a shadow root to its host. */
export function parentOf(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** Short description of an element for failure messages. */
export function describeEl(el: Element): string {
  const id = el.id ? `#${el.id}` : '';
  const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
  const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
  const host = (el.getRootNode() as ShadowRoot).host?.tagName.toLowerCase() ?? '';
  return `${host ? `${host} › ` : ''}${el.tagName.toLowerCase()}${id}${cls}${text ? ` "${text}"` : ''}`;
}
