import { BihuanError, InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { loadCatalog } from '../task/catalog.js';
import type { Catalog } from '../task/schema.js';
import { parseArgument } from '../schema/argument.js';
import { DutyListSchema, NegativeListSchema, IntakeCheckSchema, type DutyList, type DutyListInput, type NegativeRule, type NegativeList, type NegativeListInput, type IntakeCheck } from './schema.js';
/** The verdict on an intake: accepted, or refused with the rule it breaks, why, and where it goes instead. */
export type NegativeListVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly rule: NegativeRule; readonly reason: Localized };


const parsedLists = new WeakSet<object>();

/** Loads a negative list (JSON text or object); refuses with `InvalidArgumentError` naming the field. */
export function loadNegativeList(input: unknown): NegativeList {
  if (input !== null && typeof input === 'object' && parsedLists.has(input)) return input as NegativeList;
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      throw new InvalidArgumentError('loadNegativeList', 'input', { 'zh-CN': '不是有效的 JSON', en: 'is not valid JSON' }, input);
    }
  }
  const list = parseArgument('loadNegativeList', 'input', NegativeListSchema, value);
  parsedLists.add(list);
  return list;
}

/** Loads a duty list; refuses with `InvalidArgumentError` naming the field. */
export function loadDutyList(input: unknown): DutyList {
  return parseArgument('loadDutyList', 'input', DutyListSchema, input);
}

/**
 * Checks an intake against a station's negative list. Refuses — as a value, not an exception —
 * with the first rule it breaks: the rule itself, and a reason in both languages naming the rule,
 * its basis and where the matter goes instead. The dispute intake calls this before accepting.
 */
export function checkNegativeList(list: NegativeList, intake: IntakeCheck): NegativeListVerdict {
  const l = (() => {
    try {
      return loadNegativeList(list);
    } catch (error) {
      if (error instanceof InvalidArgumentError) throw new InvalidArgumentError('checkNegativeList', error.argument.replace(/^input/, 'list'), { 'zh-CN': '不是有效的负面清单', en: 'is not a valid negative list' }, list);
      throw error;
    }
  })();
  const i = parseArgument('checkNegativeList', 'intake', IntakeCheckSchema, intake);
  if (i.unit !== undefined && i.unit !== l.unit) {
    throw new InvalidArgumentError('checkNegativeList', 'intake.unit', { 'zh-CN': `必须是负面清单所属单位 ${l.unit}（own_list：各单位只对照本单位的负面清单）`, en: `must be the list's unit ${l.unit} (own_list: a unit checks its own negative list)` }, i.unit);
  }
  for (const rule of l.rules) {
    if (!rule.kinds.includes(i.kind)) continue;
    if (rule.minAmount !== undefined && (i.amount === undefined || i.amount < rule.minAmount)) continue;
    return {
      ok: false,
      rule,
      reason: {
        'zh-CN': `不得受理：违反负面清单“${rule.title['zh-CN']}”（${rule.basis['zh-CN']}），请引导至${rule.referTo['zh-CN']}`,
        en: `must not be taken on: it breaks the negative-list rule "${rule.title.en}" (${rule.basis.en}); refer it to ${rule.referTo.en}`,
      },
    };
  }
  return { ok: true };
}

/** An intake the negative list refuses, as an error for hosts that prefer to throw. */
export class NegativeListRefusal extends BihuanError {
  readonly rule: NegativeRule;
  constructor(verdict: Extract<NegativeListVerdict, { ok: false }>) {
    super('negative_list', verdict.reason);
    this.name = 'NegativeListRefusal';
    this.rule = verdict.rule;
  }
}

/** A station's three lists together. */
export interface ThreeLists {
  readonly duties: DutyList;
  /** The task list: the community-policing catalog the station's officers are dispatched from. */
  readonly tasks: Catalog;
  readonly negative: NegativeList;
}

/** Puts a station's three lists together, each validated; the duty and negative lists must be the same unit's. */
export function threeLists(duties: DutyListInput, tasks: Catalog, negative: NegativeListInput): ThreeLists {
  const d = parseArgument('threeLists', 'duties', DutyListSchema, duties);
  let t: Catalog;
  try {
    t = loadCatalog(tasks);
  } catch {
    throw new InvalidArgumentError('threeLists', 'tasks', { 'zh-CN': '必须是有效的任务清单', en: 'must be a valid task catalog' }, tasks);
  }
  const n = parseArgument('threeLists', 'negative', NegativeListSchema, negative);
  if (d.unit !== n.unit) throw new InvalidArgumentError('threeLists', 'negative.unit', { 'zh-CN': `必须与职责清单的单位 ${d.unit} 相同`, en: `must be the duty list's unit ${d.unit}` }, n.unit);
  return { duties: d, tasks: t, negative: n };
}
