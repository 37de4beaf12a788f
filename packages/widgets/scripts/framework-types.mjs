// Writes dist/react.d.ts and dist/vue.d.ts from custom-elements.json: every widget's tag with its
// settable properties, its attributes and its events, for React 19 JSX and Vue 3 templates.
// Names come from the manifest; the types come from the classes and their event maps, so a
// typing here can never drift from the code. Pure Node, run by the widgets' build after `cem`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The widgets of a manifest: tag, class, settable properties, attributes that differ from them, events. */
export function widgetsOf(manifest) {
  const widgets = [];
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (d.kind !== 'class' || !d.tagName) continue;
      const members = d.members ?? [];
      const isPublic = (m) => m.privacy !== 'private' && m.privacy !== 'protected' && !m.static && !m.name.startsWith('_');
      const properties = members.filter((m) => m.kind === 'field' && isPublic(m) && !m.readonly).map((m) => m.name);
      const fieldOf = (a) => a.fieldName ?? a.name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
      const attributes = (d.attributes ?? [])
        .map((a) => ({ name: a.name, field: fieldOf(a) }))
        .filter((a) => a.name !== a.field && properties.includes(a.field));
      const events = [...new Set((d.events ?? []).map((e) => e.name).filter(Boolean))];
      widgets.push({ tag: d.tagName, className: d.name, properties: [...new Set(properties)].sort(), attributes, events });
    }
  }
  return widgets.sort((a, b) => a.tag.localeCompare(b.tag));
}

const HEADER = `// Generated from custom-elements.json by scripts/framework-types.mjs (the widgets' build): do not edit.`;
const q = (s) => `'${s}'`;
const union = (names) => (names.length ? names.map(q).join(' | ') : 'never');
const pascal = (event) => event.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase());

function imports(widgets) {
  const names = widgets.flatMap((w) => [w.className, `${w.className}EventMap`]);
  return `import type {\n${names.map((n) => `  ${n},`).join('\n')}\n} from './index.js';`;
}

/** Each widget's own props, shared by the React and Vue typings: properties, attributes, handlers. */
function propsTypes(widgets, handlerName) {
  return widgets
    .map((w) => {
      const attrs = w.attributes.map((a) => `  ${q(a.name)}?: AttributeValue<${w.className}[${q(a.field)}]>;`);
      const events = w.events.map((e) => `  ${q(handlerName(e))}?: (event: ${w.className}EventMap[${q(e)}]) => void;`);
      return `/** \`<${w.tag}>\`: its properties, its attributes and its events. */
export type ${w.className}Props = Partial<Pick<${w.className}, ${union(w.properties)}>> & {
${[...attrs, ...events].join('\n')}
};`;
    })
    .join('\n\n');
}

const ATTRIBUTE_VALUE = `/** What an attribute takes: strings as the property types them, numbers and booleans as such. */
export type AttributeValue<T> = Exclude<T, undefined> extends string ? Exclude<T, undefined> : Exclude<T, undefined> extends number ? number | \`\${number}\` : Exclude<T, undefined> extends boolean ? boolean : string;`;

export function reactTypes(widgets) {
  const entries = widgets.map((w) => `      ${q(w.tag)}: BihuanJsxProps<${w.className}, ${w.className}Props>;`);
  return `${HEADER}
// React 19 sets a custom element's properties (when the element has them) and listens to its
// events through \`on<event-name>\` props: \`<bh-dispute-intake onbh-dispute-accepted={(e) => e.detail.id} />\`.
// Import once for its types: \`import type {} from '@bihuan/widgets/react';\`
import type * as React from 'react';
${imports(widgets)}

${ATTRIBUTE_VALUE}

/** The standard HTML props of an element (less those a widget types itself), its ref and key. */
export type BihuanJsxProps<El, Own> = Own & Omit<React.HTMLAttributes<El>, keyof Own> & React.RefAttributes<El> & { key?: React.Key | null };

${propsTypes(widgets, (e) => `on${e}`)}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
${entries.join('\n')}
    }
  }
}
`;
}

export function vueTypes(widgets) {
  const entries = widgets.map((w) => `    ${q(w.tag)}: DefineComponent<${w.className}Props>;`);
  return `${HEADER}
// Vue 3 templates: \`<bh-dispute-intake :viewer-role="role" @bh-dispute-accepted="(e) => e.detail.id" />\`
// (\`@bh-dispute-accepted\` becomes the \`onBhDisputeAccepted\` prop typed here). Tell Vue the bh-*
// tags are custom elements (\`compilerOptions.isCustomElement: (tag) => tag.startsWith('bh-')\`),
// and import once for the types: \`import type {} from '@bihuan/widgets/vue';\`
import type { DefineComponent } from 'vue';
${imports(widgets)}

${ATTRIBUTE_VALUE}

${propsTypes(widgets, (e) => `on${pascal(e)}`)}

declare module 'vue' {
  interface GlobalComponents {
${entries.join('\n')}
  }
}
`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(resolve(root, 'custom-elements.json'), 'utf8'));
  const widgets = widgetsOf(manifest);
  mkdirSync(resolve(root, 'dist'), { recursive: true });
  writeFileSync(resolve(root, 'dist/react.d.ts'), reactTypes(widgets));
  writeFileSync(resolve(root, 'dist/vue.d.ts'), vueTypes(widgets));
  console.log(`framework typings: ${widgets.length} widgets → dist/react.d.ts, dist/vue.d.ts`);
}
