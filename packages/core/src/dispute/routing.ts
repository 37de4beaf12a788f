import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { defaultDepartmentRegistry, type DepartmentRegistry } from './departments.js';
import { DISPUTE_CATEGORIES, type DisputeCategory } from './schema.js';

export const RoutingRuleSchema = z.object({
  category: z.enum(DISPUTE_CATEGORIES),
  departments: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1)),
  /** Suggest joint mediation by all the listed bodies. */
  joint: z._default(z.boolean(), false),
  /**
   * Bodies added only for a hard case (`suggestRouting(…, { hard: true })`: reopened, or a first
   * mediation failed), which is then mediated jointly — a court or the police are not suggested for
   * an ordinary complaint.
   */
  escalate: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(200))), []),
});
export type RoutingRule = z.output<typeof RoutingRuleSchema>;
export type RoutingRuleInput = z.input<typeof RoutingRuleSchema>;

/**
 * Default suggestions by category; a host replaces them with its own. An ordinary case gets the
 * first-line bodies (the residents' committee and people's mediation for a neighbour's noise); a
 * hard one adds the `escalate` bodies for joint mediation (the source's noise case: court, judicial
 * bureau, police, sub-district office and residents' committee).
 */
export const DEFAULT_ROUTING_RULES: readonly RoutingRuleInput[] = [
  { category: 'noise', departments: ['residentsCommittee', 'judicialAdministration'], escalate: ['court', 'publicSecurity', 'subDistrictOffice'] },
  { category: 'neighbour', departments: ['judicialAdministration', 'residentsCommittee'] },
  { category: 'propertyRepair', departments: ['housing', 'residentsCommittee'] },
  { category: 'leak', departments: ['housing', 'subDistrictOffice', 'residentsCommittee'], joint: true },
  { category: 'family', departments: ['womensFederation', 'judicialAdministration'] },
  { category: 'labour', departments: ['humanResources'] },
  { category: 'consumer', departments: ['marketRegulation', 'merchantPartyMembers'] },
  { category: 'landAndHousing', departments: ['naturalResources', 'housing'] },
  { category: 'medical', departments: ['health', 'judicialAdministration'] },
  { category: 'publicService', departments: ['lettersAndVisits'] },
  { category: 'other', departments: ['judicialAdministration'] },
];

export interface RoutingSuggestion {
  readonly departments: readonly string[];
  readonly joint: boolean;
}

export interface RoutingOptions {
  /** A hard case (reopened, or a first mediation failed): the rules' `escalate` bodies join, jointly. */
  readonly hard?: boolean;
}

/**
 * The departments suggested for a dispute's category: the union of the matching rules, in rule
 * order, keeping only departments the registry knows; for a hard case (`options.hard`) with each
 * rule's `escalate` bodies after them, jointly. Joint when a rule says so (or the case is hard and
 * bodies were added) and at least two bodies remain.
 */
export function suggestRouting(
  category: DisputeCategory,
  rules: readonly RoutingRuleInput[] = DEFAULT_ROUTING_RULES,
  registry: DepartmentRegistry = defaultDepartmentRegistry,
  options: RoutingOptions = {},
): RoutingSuggestion {
  const cat = z.enum(DISPUTE_CATEGORIES).safeParse(category);
  if (!cat.success) throw new InvalidArgumentError('suggestRouting', 'category', { 'zh-CN': `必须是 ${DISPUTE_CATEGORIES.join('、')} 之一`, en: `must be one of ${DISPUTE_CATEGORIES.join(', ')}` }, category);
  const parsed = z.array(RoutingRuleSchema).safeParse(rules);
  if (!parsed.success) throw new InvalidArgumentError('suggestRouting', 'rules', { 'zh-CN': '必须是 { category, departments, joint? } 规则数组', en: 'must be an array of { category, departments, joint? } rules' }, rules);
  if (options === null || typeof options !== 'object' || (options.hard !== undefined && typeof options.hard !== 'boolean')) {
    throw new InvalidArgumentError('suggestRouting', 'options', { 'zh-CN': '必须是 { hard?: 布尔值 } 对象', en: 'must be a { hard?: boolean } object' }, options);
  }
  const departments: string[] = [];
  let joint = false;
  const add = (ids: readonly string[]) => {
    for (const id of ids) if (registry.has(id) && !departments.includes(id)) departments.push(id);
  };
  const matching = parsed.data.filter((rule) => rule.category === cat.data);
  for (const rule of matching) {
    joint ||= rule.joint;
    add(rule.departments);
  }
  if (options.hard === true) {
    const before = departments.length;
    for (const rule of matching) add(rule.escalate);
    joint ||= departments.length > before;
  }
  return { departments, joint: joint && departments.length >= 2 };
}
