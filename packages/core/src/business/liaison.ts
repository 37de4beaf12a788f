import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { type Result, refused } from '../schema/result.js';
import { formatRate } from '../rate/rate.js';
import { parseArgument } from '../schema/argument.js';
import { AssignmentSchema, type KeyFirm, KeyFirmSchema, LiaisonPersonSchema, type LiaisonPerson, type Visit, VisitSchema } from './schema.js';

const ROLE_TEXT = { officer: { zh: '联络民警', en: 'liaison officer' }, assistant: { zh: '助理', en: 'assistant' } } as const;

/** One person for a role, or the refusal: none, or several, is against 一企一警一助理. */
function onePerson(fn: string, role: 'officer' | 'assistant', value: unknown): Result<LiaisonPerson> {
  const t = ROLE_TEXT[role];
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (list.length === 0) return refused(`one_${role}`, `每个重点企业（项目）必须有一名${t.zh}`, `each key firm or project needs one ${t.en}`, role);
  if (list.length > 1) return refused(`one_${role}`, `每个重点企业（项目）只能有一名${t.zh}（收到 ${list.length} 名）`, `each key firm or project has exactly one ${t.en} (received ${list.length})`, role);
  return { ok: true, value: parseArgument(fn, `assignment.${role}`, LiaisonPersonSchema, list[0]) };
}

/**
 * 一企一警一助理: assigns a firm its liaison officer and assistant. Refused (as a value) when either
 * is missing or more than one, when one person would be both, when the firm already has a pair
 * and `replace` is not set (a handover is explicit), and when the date is before the current pair's
 * (`handover_after_assignment`). Malformed arguments throw `InvalidArgumentError`.
 */
export function assignLiaison(firm: KeyFirm, assignment: unknown, options: { readonly replace?: boolean } = {}): Result<KeyFirm> {
  const current = parseArgument('assignLiaison', 'firm', KeyFirmSchema, firm);
  const a = parseArgument('assignLiaison', 'assignment', AssignmentSchema, assignment);
  if (options === null || typeof options !== 'object') throw new InvalidArgumentError('assignLiaison', 'options', { 'zh-CN': '必须是对象', en: 'must be an object' }, options);
  const officer = onePerson('assignLiaison', 'officer', a.officer);
  if (!officer.ok) return officer;
  const assistant = onePerson('assignLiaison', 'assistant', a.assistant);
  if (!assistant.ok) return assistant;
  if (officer.value.id === assistant.value.id) {
    return refused('two_people', `${officer.value.name} 不能既是联络民警又是助理：须由两人分别担任`, `${officer.value.name} cannot be both officer and assistant: they must be two people`, 'assistant');
  }
  if (current.assignedOn !== null && a.date < current.assignedOn) {
    return refused('handover_after_assignment', `交接日期 ${a.date} 早于现任联络民警的配备日期 ${current.assignedOn}`, `the handover date ${a.date} is before the current pair took over (${current.assignedOn})`, 'date');
  }
  if (current.officer !== null && !options.replace) {
    return refused(
      'already_assigned',
      `${current.name} 已有联络民警 ${current.officer.name} 和助理 ${current.assistant!.name}；更换须明确办理交接`,
      `${current.name} already has officer ${current.officer.name} and assistant ${current.assistant!.name}; a change must be an explicit handover`,
      'officer',
    );
  }
  return { ok: true, value: { ...current, officer: officer.value, assistant: assistant.value, assignedOn: a.date } };
}

/**
 * Logs a liaison's contact with a firm. Refused when the visit is for another firm, when the firm
 * has no liaison pair yet, when the visitor is neither its officer nor its assistant (`by_liaison`),
 * or when it is dated before that pair took over (`visit_after_assignment`).
 */
export function logVisit(firm: KeyFirm, visit: Visit): Result<Visit> {
  const f = parseArgument('logVisit', 'firm', KeyFirmSchema, firm);
  const v = parseArgument('logVisit', 'visit', VisitSchema, visit);
  if (v.firmId !== f.id) return refused('same_firm', `走访记录属于 ${v.firmId}，不是 ${f.name}`, `the visit is for ${v.firmId}, not ${f.name}`, 'firmId');
  if (f.officer === null || f.assistant === null) return refused('firm_assigned', `${f.name} 尚未配备联络民警和助理`, `${f.name} has no liaison officer and assistant yet`, 'firmId');
  if (v.by !== f.officer.id && v.by !== f.assistant.id) {
    return refused('by_liaison', `${v.by} 不是 ${f.name} 的联络民警或助理`, `${v.by} is neither the officer nor the assistant of ${f.name}`, 'by');
  }
  if (f.assignedOn !== null && v.date < f.assignedOn) {
    return refused('visit_after_assignment', `走访日期 ${v.date} 早于 ${f.name} 现任联络民警和助理的配备日期 ${f.assignedOn}`, `the visit on ${v.date} is before the current pair took over ${f.name} (${f.assignedOn})`, 'date');
  }
  return { ok: true, value: v };
}

export interface LiaisonSummary {
  readonly firms: number;
  readonly projects: number;
  /** Firms and projects with their officer and assistant. */
  readonly covered: number;
  /** `formatRate(covered, firms + projects)`; "—" with none. */
  readonly coverage: string;
  /** Distinct officers and assistants serving. */
  readonly people: number;
  readonly visits: number;
  /** Firms with at least one logged visit. */
  readonly visited: number;
  /** `formatRate(visited, covered)`. */
  readonly visitedShare: string;
}

const FirmListSchema = z.array(KeyFirmSchema);
const VisitListSchema = z.array(VisitSchema);

/** Counts of the register: firms, coverage by a pair, visits (the source: 361 key firms and projects). */
export function liaisonSummary(firms: readonly KeyFirm[], visits: readonly Visit[] = []): LiaisonSummary {
  const fs = parseArgument('liaisonSummary', 'firms', FirmListSchema, firms);
  const vs = parseArgument('liaisonSummary', 'visits', VisitListSchema, visits);
  const covered = fs.filter((f) => f.officer !== null);
  const people = new Set(covered.flatMap((f) => [f.officer!.id, f.assistant!.id]));
  const coveredIds = new Set(covered.map((f) => f.id));
  const visited = new Set(vs.filter((v) => coveredIds.has(v.firmId)).map((v) => v.firmId));
  const projects = fs.filter((f) => f.kind === 'project').length;
  return {
    firms: fs.length - projects,
    projects,
    covered: covered.length,
    coverage: formatRate(covered.length, fs.length),
    people: people.size,
    visits: vs.length,
    visited: visited.size,
    visitedShare: formatRate(visited.size, covered.length),
  };
}
