// Every story of every widget — its empty, typical, large and error states — rendered in real
// Chromium and checked with axe. A new stories file is picked up without touching this test.
import { afterEach, describe, expect, test } from 'vitest';
import { expectNoAxeViolations } from './support/axe.js';
import { cleanup, mount } from './support/render.js';

type StoryModule = Record<string, unknown> & {
  default: { title: string; render?: (args: object, ctx: object) => unknown; args?: object; component?: string };
};
type Story = { args?: object; render?: (args: object, ctx: object) => unknown; name?: string };

const modules = import.meta.glob<StoryModule>('../../stories/**/*.stories.ts', { eager: true });

afterEach(cleanup);

for (const [file, mod] of Object.entries(modules)) {
  const meta = mod.default;
  const stories = Object.entries(mod).filter(([name]) => name !== 'default') as [string, Story][];
  describe(meta.title, () => {
    test('has stories', () => expect(stories.length).toBeGreaterThan(0));
    for (const [name, story] of stories) {
      test(`${name} renders and passes axe`, async () => {
        const args = { ...meta.args, ...story.args };
        const render = story.render ?? meta.render;
        expect(render, `${file} ${name} has no render function`).toBeTypeOf('function');
        const container = await mount(render!(args, { args, id: name, name }));
        const widgets = [...container.querySelectorAll('*')].filter((el) => el.tagName.startsWith('BH-'));
        expect(widgets.length, `${name} renders a bihuan widget`).toBeGreaterThan(0);
        for (const widget of widgets) {
          expect(widget.shadowRoot?.childElementCount ?? 0, `${widget.tagName} rendered content`).toBeGreaterThan(0);
        }
        await expectNoAxeViolations(container, `${meta.title} / ${name}`);
      });
    }
  });
}
