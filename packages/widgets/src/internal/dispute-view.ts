// What the three dispute widgets share: the store they bind to, the viewer (role, id, clock), and
// how a dispute's parts read in the page's language.
import { type DepartmentRegistry, type DisputeItem, type Party, DISPUTE_PERSONAL_DATA_ROLES, DISPUTE_ROLE_LABELS, DISPUTE_STATE_LABELS, defaultDepartmentRegistry, maySeePersonalData } from '@bihuan/core/dispute';
import { type Locale, type Localized } from '@bihuan/core/schema';
import type { PropertyDeclarations } from 'lit';
import { idGuard, nowGuard, objectWithMethods, roleGuard, storeGuard, stringListGuard } from './guard.js';
import { joinList, standalone } from './words.js';

/** A department registry (core's `createDepartmentRegistry`). */
const registryGuard = objectWithMethods({ 'zh-CN': '部门名册（createDepartmentRegistry 所得）', en: 'a department registry (from createDepartmentRegistry)' }, ['get', 'byPresence']);
export { emit } from './emit.js';
export { nowMs, type NowInput } from './now.js';

/** The viewer properties every dispute widget takes. */
export const viewerProperties: PropertyDeclarations = {
  store: { attribute: false, guard: storeGuard },
  viewerRole: { type: String, attribute: 'viewer-role', guard: roleGuard(() => ({ roles: DISPUTE_ROLE_LABELS }), true) },
  viewerId: { type: String, attribute: 'viewer-id', guard: idGuard },
  now: { guard: nowGuard },
  registry: { attribute: false, guard: registryGuard },
  personalDataRoles: { attribute: false, guard: stringListGuard({ 'zh-CN': '角色名的数组', en: 'an array of role names' }) },
};

export const DEFAULT_PERSONAL_DATA_ROLES = DISPUTE_PERSONAL_DATA_ROLES;

export const text = (label: Localized | undefined, locale: Locale, fallback = ''): string => label?.[locale] ?? fallback;

// States, roles and actions stand on their own where they are shown: sentence case (words.ts).
// From core's tables, not the loop's definition: the ledger, which shows states, needs no guards.
export const stateLabel = (state: string, locale: Locale): string => standalone(text(DISPUTE_STATE_LABELS[state as DisputeItem['state']], locale, state), locale);

export const roleLabel = (role: string, locale: Locale): string => standalone(text(DISPUTE_ROLE_LABELS[role as keyof typeof DISPUTE_ROLE_LABELS], locale, role), locale);


export function departmentName(id: string, locale: Locale, registry: DepartmentRegistry = defaultDepartmentRegistry): string {
  return registry.get(id)?.name[locale] ?? id;
}

export function departmentNames(ids: readonly string[] | undefined, locale: Locale, registry?: DepartmentRegistry): string {
  return joinList((ids ?? []).map((id) => departmentName(id, locale, registry)), locale);
}

/** Whether the viewer sees personal data in clear. */
export function seesPersonalData(role: string | undefined, roles: readonly string[] | undefined): boolean {
  return maySeePersonalData(role, roles ?? DEFAULT_PERSONAL_DATA_ROLES);
}

/** The first applicant of a dispute (the one the ledger lists). */
export function applicantOf(item: DisputeItem): Party | undefined {
  return item.data.parties.find((p) => p.side === 'applicant') ?? item.data.parties[0];
}

