// The ledger's first page of rows runs on rules kept as plain data, so that a page listing disputes
// loads no zod: queryLedger checks its filter by LEDGER_FILTER_RULES (the table LedgerFilterSchema is
// built from), rows are masked by DISPUTE_PERSONAL_FIELDS, and the default department registry is
// built without a parse. Each must give the answers its schema gives.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  CHANNELS,
  DEFAULT_DEPARTMENTS,
  DISPUTE_CATEGORIES,
  DISPUTE_PERSONAL_FIELDS,
  DISPUTE_STATE_LABELS,
  DisputeSchema,
  InvalidArgumentError,
  LedgerFilterSchema,
  createDepartmentRegistry,
  defaultDepartmentRegistry,
  maskByOutline,
  maskRecord,
  personalOutline,
  queryLedger,
} from '@bihuan/core';
import { exampleDisputes } from '@bihuan/core/dispute/examples';
import { safeParse } from '../../src/schema/zod.js';
import { argumentPath } from '../../src/schema/argument.js';
import { accept } from './fixtures.js';

const STATES = Object.keys(DISPUTE_STATE_LABELS);
const text = (max: number) => fc.oneof(fc.string({ minLength: 0, maxLength: max + 2 }), fc.constant(''), fc.string({ minLength: max, maxLength: max + 1 }));
/** Filters near the rules' edges: every criterion valid, empty, too long, of the wrong type or unknown. */
const anything = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.string({ maxLength: 3 }));
const filters = fc.oneof(
  fc.record(
    {
      state: fc.oneof(fc.constantFrom(...STATES), fc.array(fc.constantFrom(...STATES, 'closedd'), { maxLength: 3 }), anything),
      department: fc.oneof(text(200), anything),
      town: text(200),
      community: text(200),
      channel: fc.oneof(fc.constantFrom(...CHANNELS, 'fax'), anything),
      category: fc.oneof(fc.constantFrom(...DISPUTE_CATEGORIES, 'weather'), anything),
      overdueAt: fc.oneof(text(40), fc.constant('2025-09-30T08:00:00+08:00')),
      period: fc.oneof(fc.constantFrom('2025-W42', '2025-09', '2025-Q3', '2025', '2025-09-01..2025-09-07', '2025-13', '2025-W54', '2025-09-01..2025-09-07x', 'x'.repeat(23)), anything),
      handler: fc.oneof(text(120), anything),
      colour: fc.constant('red'),
      undef: fc.constant(undefined),
    },
    { requiredKeys: [] },
  ),
  anything,
  fc.constant(undefined),
);

/** What queryLedger's own check says of a filter: accepted, or the argument it names. */
function ours(filter: unknown): 'ok' | string {
  try {
    queryLedger([], filter as never);
    return 'ok';
  } catch (error) {
    if (!(error instanceof InvalidArgumentError)) throw error;
    return error.argument;
  }
}

/** What the schema says: accepted, or the argument its first issue names. */
function schemas(filter: unknown): 'ok' | string {
  if (filter === undefined) return 'ok'; // the parameter's default, {}
  const parsed = safeParse(LedgerFilterSchema, filter);
  return parsed.success ? 'ok' : argumentPath('filter', parsed.error.issues[0]!.path);
}

describe('rules kept as data agree with the schemas they stand for', () => {
  test('queryLedger accepts exactly the filters LedgerFilterSchema accepts, and names the same criterion', () => {
    fc.assert(
      fc.property(filters, (filter) => {
        // An overdueAt the schema takes but that names no moment is refused later, by the moment's own check.
        const verdict = ours(filter);
        expect(verdict === 'filter.overdueAt' && schemas(filter) === 'ok' ? 'ok' : verdict).toBe(schemas(filter));
      }),
      { numRuns: 2000 },
    );
  });

  test('the filter refuses what it did before, naming the argument', () => {
    expect(() => queryLedger([accept()], { channel: 'fax' } as never)).toThrow(/filter\.channel/);
    expect(() => queryLedger([accept()], { colour: 'red' } as never)).toThrow(/filter/);
    expect(() => queryLedger([accept()], { period: '2025-13' })).toThrow(/filter\.period/);
    expect(() => queryLedger([accept()], { state: [] as never })).toThrow(/filter\.state/);
  });

  test("DISPUTE_PERSONAL_FIELDS is the dispute schema's own outline of personal data", () => {
    expect(personalOutline(DisputeSchema)).toEqual(DISPUTE_PERSONAL_FIELDS);
  });

  test('masking by the outline masks as the schema does, every example dispute', () => {
    const items = exampleDisputes();
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      const masked = maskByOutline(DISPUTE_PERSONAL_FIELDS, item.data);
      expect(masked).toEqual(maskRecord(DisputeSchema, item.data));
      expect(JSON.stringify(masked)).not.toContain(item.data.parties[0]!.name);
    }
  });

  test('maskByOutline refuses what is not an outline', () => {
    expect(() => maskByOutline({ parties: 'surname' } as never, {})).toThrow(InvalidArgumentError);
    expect(() => maskByOutline([] as never, {})).toThrow(/outline/);
  });

  test('the default department registry is what createDepartmentRegistry makes of the default list', () => {
    const parsed = createDepartmentRegistry(DEFAULT_DEPARTMENTS);
    expect(defaultDepartmentRegistry.departments).toEqual(parsed.departments);
    expect(defaultDepartmentRegistry.byPresence('resident')).toEqual(parsed.byPresence('resident'));
    expect(Object.isFrozen(defaultDepartmentRegistry.departments[0])).toBe(true);
  });
});
