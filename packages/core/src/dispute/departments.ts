import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { parseArgument } from '../schema/argument.js';

export { PRESENCES, type Presence, DEFAULT_DEPARTMENTS, type DepartmentRegistry, defaultDepartmentRegistry } from './department-list.js';
import { PRESENCES, registryOf, DEFAULT_DEPARTMENTS, type DepartmentRegistry } from './department-list.js';

const localized = /* @__PURE__ */ z.object({ 'zh-CN': z.string().check(z.minLength(1), z.maxLength(2000)), en: z.string().check(z.minLength(1), z.maxLength(2000)) });

export const DepartmentSchema = /* @__PURE__ */ z.object({
  id: z.string().check(z.regex(/^[A-Za-z][\w-]*$/, 'an identifier: letters, digits, _ or -')),
  name: localized,
  presence: z.enum(PRESENCES),
  /** Named here for illustration; the source does not list it. */
  illustrative: z._default(z.boolean(), false),
});
export type Department = z.output<typeof DepartmentSchema>;
export type DepartmentInput = z.input<typeof DepartmentSchema>;

/** A registry from a host's list (ids unique); the centre's default list when none is given. */
export function createDepartmentRegistry(list: readonly DepartmentInput[] = DEFAULT_DEPARTMENTS): DepartmentRegistry {
  const parsed = parseArgument('createDepartmentRegistry', 'list', z.array(DepartmentSchema).check(z.minLength(1)), list, { brackets: true });
  const byId = new Map<string, Department>();
  for (const dept of parsed) {
    if (byId.has(dept.id)) {
      throw new InvalidArgumentError('createDepartmentRegistry', 'list', { 'zh-CN': '中的部门 id 必须唯一', en: 'must not repeat a department id' }, dept.id);
    }
    byId.set(dept.id, Object.freeze(dept));
  }
  return registryOf(byId);
}
