import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright';
import { watchPage } from '../../node/support/page-watch.ts';
import { REPO } from './hosts.mjs';

/** A README's fenced code blocks in one language ('' for none), each with its trailing newline. */
export function readmeBlocks(lang: string, file = join(REPO, 'README.md')): string[] {
  const blocks: string[] = [];
  let open: { lang: string; lines: string[] } | undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const fence = /^```(\S*)\s*$/.exec(line);
    if (fence && !open) open = { lang: fence[1]!, lines: [] };
    else if (fence && open) {
      if (open.lang === lang) blocks.push(open.lines.map((l) => `${l}\n`).join(''));
      open = undefined;
    } else open?.lines.push(line);
  }
  return blocks;
}

/** A page in its own context, watched for errors and CSP/Trusted Types violations from the start. */
export async function openWatched(browser: Browser, url: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const { violations, errors } = await watchPage(page);
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { page, violations, errors, requests, close: () => context.close() };
}

/** Every widget's tag, as src/index.ts registers them. */
export const ALL_TAGS = readFileSync(join(REPO, 'packages/widgets/src/index.ts'), 'utf8')
  .match(/components\/[a-z-]+\/define/g)!
  .map((m) => `bh-${m.split('/')[1]}`);

export interface WidgetState {
  undefinedTags: string[];
  emptyTags: string[];
  registeredAbsent: string[];
  events: string[];
}

/**
 * Waits (up to 20 s) until every tag is defined, every such element on the page has rendered into
 * its shadow root and the expected events were received, then reports what is still missing.
 */
export async function widgetState(page: Page, tags: string[], absent: string[], events: string[]): Promise<WidgetState> {
  const read = () =>
    page.evaluate(
      ({ tags, absent }) => ({
        undefinedTags: tags.filter((tag) => !customElements.get(tag)),
        emptyTags: tags.filter((tag) =>
          [...document.querySelectorAll(tag)].some((el) => !el.shadowRoot || el.shadowRoot.children.length === 0),
        ),
        registeredAbsent: absent.filter((tag) => customElements.get(tag)),
        events: (document.getElementById('events')?.textContent ?? '').split('\n').filter(Boolean),
      }),
      { tags, absent },
    );
  const done = (s: WidgetState) => s.undefinedTags.length === 0 && s.emptyTags.length === 0 && events.every((e) => s.events.some((got) => got.split(' ')[0] === e));
  const deadline = Date.now() + 20_000;
  let state = await read();
  while (!done(state) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    state = await read();
  }
  return state;
}
