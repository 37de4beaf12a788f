// The town–village tree (县—镇/街道—村/社区): where an item happened, as a hierarchy that
// roll-ups, scopes and the intake form follow.
import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { checkArray, parseArgument } from '../schema/argument.js';
import { refused, type Rejection, type Result } from '../schema/result.js';
import type { DisputeItem } from './definition.js';
import { type LedgerSummary, summarizeLedger } from './ledger.js';

const areaId = /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(120));
const areaName = /* @__PURE__ */ z.string().check(z.trim(), z.minLength(1), z.maxLength(60));

/** A village or residents' community (村/社区): the leaf of the tree. */
export const VillageSchema = z.object({ id: areaId, name: areaName, nameEn: z.optional(areaName) });
export type Village = z.output<typeof VillageSchema>;

/** A town or sub-district (镇/街道) with its villages. */
export const TownSchema = z.object({ id: areaId, name: areaName, nameEn: z.optional(areaName), villages: z.array(VillageSchema) });
export type Town = z.output<typeof TownSchema>;

/** The shape of a tree, before its cross-checks (`checkAreaTree`). */
export const AreaTreeShapeSchema = z.object({ id: areaId, name: areaName, nameEn: z.optional(areaName), towns: z.array(TownSchema).check(z.minLength(1)) });

/** Where a rule of the tree is broken, or nothing. */
function treeProblem(tree: z.output<typeof AreaTreeShapeSchema>): Rejection | undefined {
  const towns = new Map<string, string>();
  const seen = new Set<string>([tree.id]);
  for (const [t, town] of tree.towns.entries()) {
    if (seen.has(town.id)) return { rule: 'area_ids_unique', field: `towns.${t}.id`, message: { 'zh-CN': `区域编号 ${town.id} 重复`, en: `the area id ${town.id} is used twice` } };
    seen.add(town.id);
    for (const [v, village] of town.villages.entries()) {
      const other = towns.get(village.id);
      if (other !== undefined) {
        return other === town.id
          ? { rule: 'area_ids_unique', field: `towns.${t}.villages.${v}.id`, message: { 'zh-CN': `村（社区）编号 ${village.id} 在 ${town.name} 中重复`, en: `the village id ${village.id} is listed twice in ${town.name}` } }
          : { rule: 'village_one_town', field: `towns.${t}.villages.${v}.id`, message: { 'zh-CN': `村（社区）${village.id} 同时属于两个镇（街道）`, en: `the village ${village.id} belongs to two towns` } };
      }
      if (seen.has(village.id)) return { rule: 'area_ids_unique', field: `towns.${t}.villages.${v}.id`, message: { 'zh-CN': `区域编号 ${village.id} 重复`, en: `the area id ${village.id} is used twice` } };
      seen.add(village.id);
      towns.set(village.id, town.id);
    }
  }
  return undefined;
}

/**
 * A county's tree: the county, its towns (镇/街道) and their villages (村/社区). Every id is unique
 * in the tree (`area_ids_unique`) and a village belongs to exactly one town (`village_one_town`).
 */
export const AreaTreeSchema = AreaTreeShapeSchema.check(z.superRefine((tree, ctx) => {
  const problem = treeProblem(tree);
  if (problem) ctx.addIssue({ code: 'custom', path: (problem.field ?? '').split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), message: problem.message.en, params: problem.message });
}));
export type AreaTree = z.output<typeof AreaTreeSchema>;
export type AreaTreeInput = z.input<typeof AreaTreeSchema>;

/** Checks a host's tree: the tree, or the first rule it breaks (`area_shape`, `area_ids_unique`, `village_one_town`). */
export function checkAreaTree(tree: unknown): Result<AreaTree> {
  const shape = AreaTreeShapeSchema.safeParse(tree);
  if (!shape.success) {
    const issue = shape.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    return refused('area_shape', `区域树格式不正确（${field || '根'}）`, `the area tree is malformed (${field || 'root'}: ${issue.message})`, field || undefined);
  }
  const problem = treeProblem(shape.data);
  return problem ? { ok: false, reason: problem } : { ok: true, value: shape.data };
}

/** Where an item is in the tree: its county, town and (when known) village. */
export interface AreaPlace {
  readonly county: { readonly id: string; readonly name: string };
  readonly town: { readonly id: string; readonly name: string };
  readonly village?: { readonly id: string; readonly name: string };
}

/** A tree ready for lookups: by id or by name, of towns and villages. */
export interface AreaIndex {
  readonly tree: AreaTree;
  /** The towns in the tree's order. */
  readonly towns: readonly Town[];
  /** The villages of a town (by id or name), in order; none for an unknown town. */
  villagesOf(town: string): readonly Village[];
  /** Whether `village` (id or name) belongs to `town` (id or name). */
  belongs(village: string, town: string): boolean;
  /** The place of a village or town, by id or name (a village's name is looked up within `town` first, when given). */
  placeOf(area: string, town?: string): AreaPlace | undefined;
}

const INDEXES = new WeakMap<object, AreaIndex>();

/** An index over a tree (checked: a bad tree throws `InvalidArgumentError` naming the rule's field). Cached per tree object. */
export function areaIndex(tree: AreaTreeInput): AreaIndex {
  if (tree !== null && typeof tree === 'object') {
    const cached = INDEXES.get(tree);
    if (cached) return cached;
  }
  const parsed = parseArgument('areaIndex', 'tree', AreaTreeSchema, tree);
  const county = { id: parsed.id, name: parsed.name };
  const townBy = new Map<string, Town>();
  const villageBy = new Map<string, { village: Village; town: Town }[]>();
  const add = (key: string, entry: { village: Village; town: Town }) => {
    const list = villageBy.get(key);
    if (list) list.push(entry);
    else villageBy.set(key, [entry]);
  };
  for (const town of parsed.towns) {
    if (!townBy.has(town.id)) townBy.set(town.id, town);
    if (!townBy.has(town.name)) townBy.set(town.name, town);
    for (const village of town.villages) {
      add(village.id, { village, town });
      if (village.name !== village.id) add(village.name, { village, town });
    }
  }
  const townOf = (key: string) => townBy.get(key);
  const index: AreaIndex = {
    tree: parsed,
    towns: parsed.towns,
    villagesOf: (town) => (typeof town === 'string' ? (townOf(town)?.villages ?? []) : []),
    belongs(village, town) {
      const t = typeof town === 'string' ? townOf(town) : undefined;
      return t !== undefined && typeof village === 'string' && (villageBy.get(village)?.some((e) => e.town === t) ?? false);
    },
    placeOf(area, town) {
      if (typeof area !== 'string') return undefined;
      const t = typeof town === 'string' ? townOf(town) : undefined;
      const entries = villageBy.get(area);
      // A named town decides: a village name that is not in it places the item in the town only.
      const entry = t === undefined ? entries?.[0] : entries?.find((e) => e.town === t);
      if (entry) return { county, town: { id: entry.town.id, name: entry.town.name }, village: { id: entry.village.id, name: entry.village.name } };
      if (t !== undefined) return { county, town: { id: t.id, name: t.name } };
      const only = townOf(area);
      return only ? { county, town: { id: only.id, name: only.name } } : undefined;
    },
  };
  if (tree !== null && typeof tree === 'object') INDEXES.set(tree, index);
  return index;
}

/** The level of the tree a roll-up groups by. */
export const AREA_LEVELS = ['county', 'town', 'village'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

function checkLevel(fn: string, level: unknown): asserts level is AreaLevel {
  if (!(AREA_LEVELS as readonly unknown[]).includes(level)) throw new InvalidArgumentError(fn, 'level', { 'zh-CN': '必须是 county、town 或 village', en: 'must be county, town or village' }, level);
}

function checkPlaced(fn: string, argument: string, item: unknown): asserts item is DisputeItem {
  const data = (item as DisputeItem | null)?.data;
  if (item === null || typeof item !== 'object' || data === null || typeof data !== 'object') {
    throw new InvalidArgumentError(fn, argument, { 'zh-CN': '必须是纠纷闭环的快照', en: 'must be a snapshot of the dispute loop' }, item);
  }
}

const keyOf = (index: AreaIndex, item: DisputeItem, level: AreaLevel): string => {
  const place = index.placeOf(item.data.community, item.data.town) ?? index.placeOf(item.data.town);
  if (place === undefined) return UNPLACED;
  if (level === 'county') return place.county.id;
  if (level === 'town') return place.town.id;
  return place.village?.id ?? UNPLACED;
};

/** The key a dispute rolls up under at `level` of `tree`: the area's id, or `unplaced` when its town or village is not in the tree. */
export function disputeAreaKey(tree: AreaTreeInput, item: DisputeItem, level: AreaLevel): string {
  const index = areaIndex(tree);
  checkPlaced('disputeAreaKey', 'item', item);
  checkLevel('disputeAreaKey', level);
  return keyOf(index, item, level);
}

/** The group of items whose town or village is not in the tree. */
export const UNPLACED = 'unplaced';

/**
 * The dispute ledger's counts by the tree: per county, town or village id (every area of that
 * level, with zeros where nothing happened, in the tree's order), plus `unplaced` for items whose
 * place the tree does not hold. A village's dispute counts in its own town even when the record's
 * town text was written differently (the village's id or name decides).
 */
export function countLedgerByArea(items: readonly DisputeItem[], tree: AreaTreeInput, level: AreaLevel = 'town'): Record<string, LedgerSummary> {
  checkArray('countLedgerByArea', 'items', items);
  checkLevel('countLedgerByArea', level);
  const index = areaIndex(tree);
  const groups = new Map<string, DisputeItem[]>();
  const keys = level === 'county' ? [index.tree.id] : level === 'town' ? index.towns.map((t) => t.id) : index.towns.flatMap((t) => t.villages.map((v) => v.id));
  for (const key of keys) groups.set(key, []);
  for (const [i, item] of items.entries()) {
    checkPlaced('countLedgerByArea', `items[${i}]`, item);
    const key = keyOf(index, item, level);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  const out: Record<string, LedgerSummary> = {};
  for (const [key, list] of groups) out[key] = summarizeLedger(list);
  return out;
}
