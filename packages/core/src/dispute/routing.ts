import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { defaultDepartmentRegistry, type DepartmentRegistry } from './departments.js';

/** Kinds of dispute the source mentions (neighbours, noise, property repair, leaks …) and common others. */
export const DISPUTE_CATEGORIES = [
  'neighbour',
  'noise',
  'propertyRepair',
  'leak',
  'family',
  'labour',
  'consumer',
  'landAndHousing',
  'medical',
  'publicService',
  'other',
] as const;
export type DisputeCategory = (typeof DISPUTE_CATEGORIES)[number];

export const RoutingRuleSchema = z.object({
  category: z.enum(DISPUTE_CATEGORIES),
  departments: z.array(z.string().min(1).max(200)).min(1),
  /** Suggest joint mediation by all the listed bodies. */
  joint: z.boolean().default(false),
});
export type RoutingRule = z.output<typeof RoutingRuleSchema>;
export type RoutingRuleInput = z.input<typeof RoutingRuleSchema>;

/** Default suggestions by category; a host replaces them with its own. */
export const DEFAULT_ROUTING_RULES: readonly RoutingRuleInput[] = [
  { category: 'noise', departments: ['court', 'judicialAdministration', 'publicSecurity', 'subDistrictOffice', 'residentsCommittee'], joint: true },
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

/**
 * The departments suggested for a dispute's category: the union of the matching rules, in rule
 * order, keeping only departments the registry knows. Joint when a rule says so and at least two
 * bodies remain.
 */
export function suggestRouting(
  category: DisputeCategory,
  rules: readonly RoutingRuleInput[] = DEFAULT_ROUTING_RULES,
  registry: DepartmentRegistry = defaultDepartmentRegistry,
): RoutingSuggestion {
  const cat = z.enum(DISPUTE_CATEGORIES).safeParse(category);
  if (!cat.success) throw new InvalidArgumentError('suggestRouting', 'category', { 'zh-CN': `必须是 ${DISPUTE_CATEGORIES.join('、')} 之一`, en: `must be one of ${DISPUTE_CATEGORIES.join(', ')}` }, category);
  const parsed = z.array(RoutingRuleSchema).safeParse(rules);
  if (!parsed.success) throw new InvalidArgumentError('suggestRouting', 'rules', { 'zh-CN': '必须是 { category, departments, joint? } 规则数组', en: 'must be an array of { category, departments, joint? } rules' }, rules);
  const departments: string[] = [];
  let joint = false;
  for (const rule of parsed.data) {
    if (rule.category !== cat.data) continue;
    joint ||= rule.joint;
    for (const id of rule.departments) if (registry.has(id) && !departments.includes(id)) departments.push(id);
  }
  return { departments, joint: joint && departments.length >= 2 };
}
