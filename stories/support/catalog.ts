// What the catalog shows of each widget, read from custom-elements.json (the widgets' JSDoc):
// controls for the public attributes and writable public properties only; events, parts, slots and
// custom properties as documentation (never "Set object"); each kind under its own key, so that an
// attribute and a part of the same name (the rate card's `label`) both appear. Private, protected
// and static members, internal controllers and members without a public JSDoc never appear.

/** The parts of a custom-elements manifest (schema 2.x) the catalog reads. */
export interface ManifestItem {
  name: string;
  kind?: string;
  description?: string;
  summary?: string;
  privacy?: 'public' | 'private' | 'protected';
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  fieldName?: string;
  type?: { text?: string };
  default?: string;
}
export interface ManifestDeclaration {
  tagName?: string;
  name: string;
  description?: string;
  summary?: string;
  attributes?: ManifestItem[];
  members?: ManifestItem[];
  events?: ManifestItem[];
  slots?: ManifestItem[];
  cssParts?: ManifestItem[];
  cssProperties?: ManifestItem[];
}
export interface Manifest {
  modules: { declarations?: ManifestDeclaration[] }[];
}

/** One row of the docs table: Storybook's ArgType, with only what we set. */
export interface CatalogArgType {
  name: string;
  description?: string;
  control: false | { type: 'boolean' | 'number' | 'text' | 'select' | 'object' };
  options?: string[];
  type?: { name: string; required: false };
  table: { category: string; type?: { summary: string }; defaultValue?: { summary: string }; disable?: boolean };
}

export const CATEGORY = {
  attributes: '属性 Attributes',
  properties: 'JS 属性 Properties',
  events: '事件 Events',
  slots: '插槽 Slots',
  parts: '::part 部件 Parts',
  cssProperties: 'CSS 变量 Custom properties',
} as const;

/** Keys of documentation-only rows: `part:label` never collides with the attribute `label`. */
export const docKey = (kind: 'event' | 'slot' | 'part' | 'cssprop', name: string) => `${kind}:${name}`;

const camel = (s: string) => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const isPublic = (m: ManifestItem) => (m.privacy === undefined || m.privacy === 'public') && !m.static && !!m.description?.trim();

export function declarationOf(manifest: Manifest, tagName: string): ManifestDeclaration | undefined {
  for (const mod of manifest.modules) for (const d of mod.declarations ?? []) if (d.tagName === tagName) return d;
  return undefined;
}

function controlFor(typeText: string | undefined): Pick<CatalogArgType, 'control' | 'options'> {
  const t = (typeText ?? 'string').replace(/\s*\|\s*(undefined|null)\b/g, '').trim();
  if (t === 'boolean') return { control: { type: 'boolean' } };
  if (t === 'number') return { control: { type: 'number' } };
  const literals = t.split('|').map((p) => p.trim());
  if (literals.length > 1 && literals.every((p) => /^'[^']*'$/.test(p))) {
    return { control: { type: 'select' }, options: literals.map((p) => p.slice(1, -1)) };
  }
  return { control: { type: 'text' } };
}

const row = (name: string, category: string, item: ManifestItem, extra: Partial<CatalogArgType>): CatalogArgType => ({
  name,
  description: item.description,
  control: false,
  ...(item.type?.text ? { type: { name: 'other', required: false } } : {}),
  table: {
    category,
    ...(item.type?.text ? { type: { summary: item.type.text } } : {}),
    ...(item.default !== undefined ? { defaultValue: { summary: item.default } } : {}),
  },
  ...extra,
});

/** The public API of `tagName` as the catalog's rows, keyed as story args are (camelCase fields). */
export function catalogArgTypes(manifest: Manifest, tagName: string): Record<string, CatalogArgType> {
  const d = declarationOf(manifest, tagName);
  if (!d) return {};
  const out: Record<string, CatalogArgType> = {};
  // `lang` is HTML's, not the widget's, but it is how a page picks the widget's language.
  out.lang = {
    name: 'lang',
    description: '界面语言：最近的 `lang` 属性决定（本组件、任一祖先或 `<html>`）。The nearest `lang` picks the language: `zh*` or anything unknown → 中文, `en*` → English.',
    control: { type: 'select' },
    options: ['zh-CN', 'en'],
    table: { category: CATEGORY.attributes, type: { summary: "'zh-CN' | 'en'" } },
  };
  const attributeFields = new Set<string>();
  for (const a of d.attributes ?? []) {
    if (!a.description?.trim()) continue;
    const field = a.fieldName ?? camel(a.name);
    attributeFields.add(field);
    out[field] = row(a.name, CATEGORY.attributes, a, controlFor(a.type?.text));
  }
  for (const m of d.members ?? []) {
    if (m.kind !== 'field' || !isPublic(m) || attributeFields.has(m.name) || m.attribute) continue;
    // Writable plain values get a control; objects (a store, items, a filter) and read-only
    // results are set or read from script, so they are documented, not edited here.
    const simple = controlFor(m.type?.text);
    const editable = !m.readonly && simple.control !== false && simple.control.type !== 'text' ? simple : { control: false as const };
    out[m.name] = row(m.name, CATEGORY.properties, m, editable);
  }
  for (const e of d.events ?? []) if (e.name) out[docKey('event', e.name)] = row(e.name, CATEGORY.events, e, {});
  for (const s of d.slots ?? []) out[docKey('slot', s.name || 'default')] = row(s.name || '(default)', CATEGORY.slots, s, {});
  for (const p of d.cssParts ?? []) out[docKey('part', p.name)] = row(p.name, CATEGORY.parts, p, {});
  for (const c of d.cssProperties ?? []) out[docKey('cssprop', c.name)] = row(c.name, CATEGORY.cssProperties, c, {});
  return out;
}

/** Keys of `catalogArgTypes` that may carry a control: the public attributes, `lang`, plain public properties. */
export function controllableKeys(manifest: Manifest, tagName: string): Set<string> {
  return new Set(Object.entries(catalogArgTypes(manifest, tagName)).filter(([, t]) => t.control !== false).map(([k]) => k));
}

/** Attribute name for each controllable attribute key (`numeratorLabel` → `numerator-label`). */
export function attributeNames(manifest: Manifest, tagName: string): Map<string, string> {
  const d = declarationOf(manifest, tagName);
  const out = new Map<string, string>([['lang', 'lang']]);
  for (const a of d?.attributes ?? []) if (a.description?.trim()) out.set(a.fieldName ?? camel(a.name), a.name);
  return out;
}

/**
 * What the catalog reads of the manifest, and nothing else: the declarations that have a tag, with
 * their descriptions, public attributes and documented public fields, events, slots, parts and
 * custom properties. The preview carries this instead of the whole custom-elements.json (a
 * quarter of a megabyte of private members, source paths and exports every docs page parsed).
 */
export function slimManifest(manifest: Manifest): Manifest {
  const keep = <T extends object>(item: T, keys: readonly (keyof T)[]): T =>
    Object.fromEntries(keys.filter((k) => item[k] !== undefined).map((k) => [k, item[k]])) as T;
  const ITEM = ['name', 'kind', 'description', 'summary', 'privacy', 'static', 'readonly', 'attribute', 'fieldName', 'type', 'default'] as const;
  const items = (list: ManifestItem[] | undefined) => list?.map((i) => keep(i, ITEM));
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  return {
    modules: [
      {
        declarations: declarations.map((d) => ({
          ...keep(d, ['tagName', 'name', 'description', 'summary']),
          attributes: items(d.attributes),
          members: items(d.members?.filter((m) => m.kind === 'field' && isPublic(m))),
          events: items(d.events),
          slots: items(d.slots),
          cssParts: items(d.cssParts),
          cssProperties: items(d.cssProperties),
        })),
      },
    ],
  };
}
