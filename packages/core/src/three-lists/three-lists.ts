import * as z from '../schema/zod.js';
import { text } from '../schema/fields.js';
import { BihuanError, InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { loadCatalog } from '../task/catalog.js';
import type { Catalog } from '../task/schema.js';
import { parseArgument } from '../schema/argument.js';

/**
 * The three lists (三个清单) of a police station: its duty list (what it is for — "the station's
 * main job is prevention"), its task list (the community-policing catalog), and its negative list
 * (the case types it must not take on, and where they go instead).
 */

const id = z.string().min(1).max(80).regex(/^[A-Za-z0-9_.-]+$/, 'letters, digits, _ . - only');
const localized = z.object({ 'zh-CN': text, en: text });

export const DutySchema = z.object({
  id,
  title: localized,
  /** `prevention` first: the source's "the station's main job is prevention". */
  kind: z.enum(['prevention', 'control', 'service', 'caseHandling']),
  description: localized.optional(),
});
export type Duty = z.output<typeof DutySchema>;

export const DutyListSchema = z.object({ unit: id, version: z.int().min(1), duties: z.array(DutySchema).min(1) });
export type DutyList = z.output<typeof DutyListSchema>;
export type DutyListInput = z.input<typeof DutyListSchema>;

/**
 * One rule of a negative list: intakes of these kinds (case types or dispute categories) must not
 * be taken on — optionally only from an amount up (`minAmount`, yuan) — and go to `referTo` instead.
 * `basis` cites the rule's legal or policy ground.
 */
export const NegativeRuleSchema = z.object({
  id,
  kinds: z.array(id).min(1),
  minAmount: z.number().min(0).optional(),
  title: localized,
  basis: localized,
  referTo: localized,
});
export type NegativeRule = z.output<typeof NegativeRuleSchema>;

export const NegativeListSchema = z
  .object({ unit: id, version: z.int().min(1), example: z.boolean().default(false), rules: z.array(NegativeRuleSchema) })
  .refine((l) => new Set(l.rules.map((r) => r.id)).size === l.rules.length, { path: ['rules'], message: 'rule ids must be unique' });
export type NegativeList = z.output<typeof NegativeListSchema>;
export type NegativeListInput = z.input<typeof NegativeListSchema>;

/** What is being taken in: its kind (a case type or dispute category) and, for money matters, the amount in yuan. */
export const IntakeCheckSchema = z.object({ kind: id, amount: z.number().min(0).optional() });
export type IntakeCheck = z.output<typeof IntakeCheckSchema>;

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

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

/**
 * An EXAMPLE negative list for a community police station (illustrative, not any city's rules):
 * matters a station must not take on, and where they go. Kinds include the dispute categories of
 * the dispute loop (`labour`, `landAndHousing`, `consumer` …) so that the dispute intake can check.
 */
export function exampleNegativeList(unit = 'example-station'): NegativeList {
  return loadNegativeList({
    unit,
    version: 1,
    example: true,
    rules: [
      { id: 'economic-disputes', kinds: ['economicDispute', 'debt', 'contract'], title: L('不得插手经济纠纷', 'No intervention in economic disputes'), basis: L('公安机关不得违法插手经济纠纷的规定', 'police must not intervene in economic disputes'), referTo: L('人民法院或仲裁机构', 'a court or an arbitration body') },
      { id: 'labour-disputes', kinds: ['labour'], title: L('劳动争议不由派出所处理', 'Labour disputes are not the station’s'), basis: L('劳动争议调解仲裁法', 'Labour Dispute Mediation and Arbitration Law'), referTo: L('劳动人事争议仲裁委员会', 'the labour dispute arbitration committee') },
      { id: 'land-contracts', kinds: ['landAndHousing'], minAmount: 0, title: L('土地承包及房屋权属纠纷不由派出所处理', 'Land-contract and property-title disputes are not the station’s'), basis: L('农村土地承包经营纠纷调解仲裁法', 'Rural Land Contract Dispute Mediation and Arbitration Law'), referTo: L('乡镇人民政府或农村土地承包仲裁委员会', 'the township government or the land-contract arbitration committee') },
      { id: 'consumer-large', kinds: ['consumer'], minAmount: 50_000, title: L('大额消费纠纷不由派出所调处', 'Large consumer disputes are not the station’s'), basis: L('消费者权益保护法', 'Consumer Rights Protection Law'), referTo: L('市场监管部门或人民法院', 'market regulation or a court') },
      { id: 'serious-crimes', kinds: ['homicide', 'organizedCrime', 'drugTrafficking', 'economicCrime'], title: L('重大刑事案件由专业警种侦办', 'Serious crimes go to specialist units'), basis: L('刑事案件管辖分工规定', 'the division of criminal-case jurisdiction'), referTo: L('县级公安机关刑侦、经侦或禁毒部门', 'the county criminal, economic-crime or narcotics unit') },
      { id: 'medical-disputes', kinds: ['medical'], title: L('医疗纠纷不由派出所调处', 'Medical disputes are not the station’s'), basis: L('医疗纠纷预防和处理条例', 'Regulations on Medical Disputes'), referTo: L('医疗纠纷人民调解委员会或卫生健康部门', 'the medical-dispute mediation committee or the health authority') },
    ],
  });
}

/** An EXAMPLE duty list for a community police station, prevention first (illustrative). */
export function exampleDutyList(unit = 'example-station'): DutyList {
  return loadDutyList({
    unit,
    version: 1,
    duties: [
      { id: 'prevention', kind: 'prevention', title: L('以防为主：社区治安防范', 'Prevention first: community crime prevention') },
      { id: 'community-policing', kind: 'prevention', title: L('落实社区警务任务清单', 'Carry out the community-policing task list') },
      { id: 'basic-control', kind: 'control', title: L('实有人口、房屋、单位基础管控', 'Basic control of residents, housing and organisations') },
      { id: 'disputes', kind: 'service', title: L('矛盾纠纷排查与就地化解', 'Screen and settle disputes locally') },
      { id: 'service', kind: 'service', title: L('便民服务与群众求助', 'Services and help for residents') },
      { id: 'minor-cases', kind: 'caseHandling', title: L('办理辖区治安案件和轻微刑事案件', 'Handle public-order cases and minor crimes in the area') },
    ],
  });
}
