import fc from 'fast-check';

/**
 * Hostile calls over core's exported functions: recorded valid calls, each argument in turn
 * replaced by a hostile value or mutated deep inside. Shared by the fuzz test and by a runner
 * that measures the same calls against a build (`core` and `ex` are the module namespaces).
 */

type Namespace = Record<string, unknown>;
export interface FuzzCall {
  readonly fn: string;
  readonly args: readonly unknown[];
  readonly label: string;
}

const DEPTH = 20_000;

function nested(kind: 'object' | 'array'): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < DEPTH; i++) value = kind === 'object' ? { a: value, id: 'x' } : [value];
  return value;
}

/** The hostile values every argument and every nested field is replaced with. */
export function hostileValues(): { label: string; value: unknown }[] {
  const huge = 'a'.repeat(10 * 1024 * 1024);
  const hugeDigits = '9'.repeat(10 * 1024 * 1024);
  const values: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['0', 0],
    ['-1', -1],
    ['1.5', 1.5],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
    ['1e21', 1e21],
    ['-1e21', -1e21],
    ['2^53+2', 2 ** 53 + 2],
    ['true', true],
    ['bigint', 10n ** 30n],
    ['symbol', Symbol('hostile')],
    ['function', () => 'hostile'],
    ['""', ''],
    ['"  "', '   '],
    ['"__proto__"', '__proto__'],
    ['"constructor"', 'constructor'],
    ['"prototype"', 'prototype'],
    ['"toString"', 'toString'],
    ['formula', '=HYPERLINK("http://evil.example","x")'],
    ['2026-02-30', '2026-02-30'],
    ['10 MB', huge],
    ['10 MB digits', hugeDigits],
    ['{}', {}],
    ['[]', []],
    ['[null]', [null]],
    ['{__proto__ json}', JSON.parse('{"__proto__":{"polluted":"yes"},"id":"__proto__","kind":"__proto__"}')],
    ['{constructor.prototype}', { constructor: { prototype: { polluted: 'yes' } }, id: 'constructor' }],
    ['Object.create(null)', Object.create(null)],
    ['Date(NaN)', new Date(Number.NaN)],
    ['nested object 20k', nested('object')],
    ['nested array 20k', nested('array')],
  ];
  const arbitrary = fc.sample(fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true }), { seed: 19, numRuns: 12 });
  arbitrary.forEach((value, i) => values.push([`anything#${i}`, value]));
  return values.map(([label, value]) => ({ label, value }));
}

// A small deterministic generator for the mutation paths (same calls on every run).
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = clone(v);
    return out as T;
  }
  return value;
}

// A copy of `root` with the value at a random path (up to four levels deep) replaced, or with an
// own property `key` added there; only the objects on the path are copied.
function mutate(root: unknown, hostile: unknown, random: () => number, key?: string): unknown {
  const copy = (node: object): Record<string, unknown> => (Array.isArray(node) ? (node.slice() as unknown as Record<string, unknown>) : { ...node });
  const top = copy(root as object);
  let node = top;
  for (let depth = 0; depth < 4; depth++) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const k = Array.isArray(node) ? String(Math.floor(random() * Math.min(node.length, 3))) : keys[Math.floor(random() * keys.length)]!;
    const child = node[k];
    if (child && typeof child === 'object' && (Array.isArray(child) || Object.getPrototypeOf(child) === Object.prototype) && random() < 0.7) {
      node = node[k] = copy(child);
      continue;
    }
    if (key === undefined) {
      node[k] = hostile;
      return top;
    }
    break;
  }
  Object.defineProperty(node, key ?? 'id', { value: hostile, enumerable: true, configurable: true, writable: true });
  return top;
}

/** Valid calls of core's functions (one or more per function), made from the example data. */
export function validCalls(core: Namespace, ex: Namespace): Record<string, () => unknown[][]> {
  const f = (name: string) => ex[name] as (...a: unknown[]) => any;
  const c = (name: string) => core[name] as (...a: unknown[]) => any;
  const memo = <T>(make: () => T): (() => T) => {
    let value: T | undefined;
    return () => clone((value ??= make()));
  };
  const log = memo(() => f('exampleVolunteerLog')(20, 60));
  const disputes = memo(() => f('exampleDisputes')(6));
  const catalog = memo(() => f('exampleCatalog')());
  const roster = () => f('exampleRoster')({ counties: 1, stationsPerCounty: 2, officersPerStation: 3 });
  const orders = memo(() => f('exampleTaskOrders')({ roster: roster(), month: '2025-10', now: '2025-10-20T12:00:00+08:00' }).slice(0, 30));
  const now = '2025-10-20T12:00:00+08:00';
  const fr = (n: bigint, d: bigint) => ({ numerator: n, denominator: d });
  const scheme = () => c('defineScheme')(core.SIX_DIMENSIONS);
  return {
    summarizeVolunteerLog: () => { const l = log(); return [[l.roster, l.assists]]; },
    logAssist: () => { const l = log(); return [[{ id: 'new-1', volunteerId: l.roster[0].id, kind: 'patrol', date: l.roster[0].joinedOn, minutes: 60 }, l.roster, l.assists]]; },
    formatHours: () => [[90]],
    compareFractions: () => [[fr(1n, 2n), fr(2n, 3n)]],
    fractionToNumber: () => [[fr(1n, 3n)]],
    formatRate: () => [[406, 425], [406, 425, { decimals: 1 }]],
    formatChange: () => [[909, 1000]],
    formatPoints: () => [[[2227, 2261], [406, 425], { unit: true }]],
    shareOf: () => [[1, 3]],
    changeOf: () => [[3, 2]],
    pointsBetween: () => [[[1, 2], [1, 3]]],
    formatFraction: () => [[fr(1n, 3n), 100n]],
    formatScore: () => [[fr(173n, 2n)]],
    deadlineFor: () => [[{ workingDays: 5 }, Date.parse(now)], [{ days: 3 }, Date.parse(now)], [{ hours: 2 }, Date.parse(now)]],
    timeLeft: () => [[{ deadline: now }, '2025-10-19T12:00:00+08:00']],
    overdue: () => [[{ deadline: now }, '2025-10-19T12:00:00+08:00']],
    dueSoon: () => [[{ deadline: now }, '2025-10-19T12:00:00+08:00', { days: 2 }]],
    reminders: () => [[orders(), now], [orders(), now, { before: [{ workingDays: 3 }], after: [{ workingDays: 7 }] }]],
    taskDue: () => [[{ kind: 'dayOfMonth', day: 25, ifNotWorkingDay: 'before' }, { month: '2025-10' }], [{ kind: 'withinWorkingDays', n: 5 }, { eventAt: now }]],
    dueDayText: () => [[now]],
    acceptDispute: () => { const d = disputes()[0]; return [[{ id: 'new-1', data: d.data, actor: d.history[0].actor, at: d.history[0].at }]]; },
    summarizeLedger: () => [[disputes(), now]],
    countLedgerBy: () => [[disputes(), 'town'], [disputes(), 'category']],
    queryLedger: () => [[disputes(), { town: disputes()[0].data.town }]],
    checkIntake: () => [[disputes()[0].data]],
    suggestRouting: () => [[disputes()[0].data]],
    createDepartmentRegistry: () => [[]],
    transition: () => { const d = disputes()[0]; return [[core.disputeLoop, d, { type: 'withdraw', actor: d.history[0].actor, at: now, payload: { reason: '当事人撤回' } }]]; },
    availableEvents: () => { const d = disputes()[0]; return [[core.disputeLoop, d, 'intakeClerk']]; },
    checkAgainstHistory: () => [[core.disputeLoop, disputes()[0]], [core.disputeLoop, disputes()[1], { calendar: core.chinaCalendar }]],
    recomputeDeadlines: () => [[core.disputeLoop, disputes()[0], core.chinaCalendar]],
    deadlineProvisional: () => [[core.disputeLoop, disputes()[0]], [core.disputeLoop, disputes()[0], core.chinaCalendar]],
    overdueReceptionIssues: () => [[f('exampleReceptionDay')(8, 2), now]],
    statutoryHolidays: () => [[2027]],
    lunarFestivals: () => [[2030]],
    issueText: () => [[{ code: 'too_small', origin: 'string', minimum: 3, inclusive: true, path: ['a'], message: 'Too small', input: 'x' }, { a: 'x' }]],
    withArticle: () => [['intake clerk']],
    article: () => [['organizer']],
    loadCatalog: () => [[catalog()]],
    loadRoster: () => [[roster()]],
    findTemplate: () => { const cat = catalog(); return [[cat, cat.templates[0].id]]; },
    columnsFromOrders: () => [[orders()]],
    rollupOrders: () => [[orders(), [['station'], ['category']], { now }]],
    summarizeEmergencyUnits: () => { const u = f('exampleEmergencyUnits')(); return [[u.units ?? u, u.responses ?? []]]; },
    judgeResponse: () => [[{ selfRescue: 50, arrival: 170, support: 290 }]],
    summarizeReception: () => [[f('exampleReceptionDay')(8, 2)]],
    summarizeEventPermits: () => [[f('exampleEventPermits')(12)]],
    filingWindow: () => [['2026-06-20']],
    checkFilingWindow: () => [['2026-06-20', '2026-03-01']],
    summarizeRectification: () => [[f('exampleRectificationItems')(), now]],
    sortRectificationLedger: () => [[f('exampleRectificationItems')(), now]],
    liaisonSummary: () => [[f('exampleKeyFirms')(4), []]],
    oneWindowSummary: () => [[[{ name: '开办企业', previousLimit: 5, limit: 1 }]]],
    limitReduction: () => [[{ name: '开办企业', previousLimit: 5, limit: 1 }]],
    windowCaseLoop: () => [[5]],
    jobFairSummary: () => [[f('exampleJobFair')(3)]],
    resultsByClass: () => { const q = f('civilCodeQuiz')(); return [[[], q.id]]; },
    scoreQuiz: () => { const q = f('civilCodeQuiz')(); return [[q, { [q.questions[0].id]: q.questions[0].choices[0].id }]]; },
    parseQuiz: () => [[f('civilCodeQuiz')()]],
    checkReport: () => [[f('exampleLawReport')()]],
    defineScheme: () => [[core.SIX_DIMENSIONS]],
    dimensionPoints: () => { const s = scheme(); return [[s, s.dimensions[0]]]; },
    bandFor: () => [[scheme(), fr(85n, 1n)]],
    shownTotal: () => [[scheme(), fr(179991n, 2000n)]],
    threeLists: () => [[f('exampleDutyList')(), catalog(), f('exampleNegativeList')()]],
    loadNegativeList: () => [[f('exampleNegativeList')()]],
    loadDutyList: () => [[f('exampleDutyList')()]],
    toCsv: () => [[[{ a: '=1+1', d: '2025-10-20' }], [{ header: 'A', value: 'a' }, { header: 'D', value: 'd', type: 'date' }]]],
    chinaDate: () => [['2025-10-20T12:00:00Z']],
    chinaDateTime: () => [['2025-10-20T12:00:00Z']],
    stringifyCanonical: () => [[{ b: 1, a: [1, 2] }]],
    maskRecord: () => [[core.VolunteerSchema, log().roster[0]]],
    maskName: () => [['王小明']],
    maskPhone: () => [['13800001234']],
    maskIdNumber: () => [['11010519491231002X']],
    maskAddress: () => [['临江街道幸福路1号']],
    maskPersonal: () => [['name', '王小明']],
    parseDate: () => [['2025-10-20']],
    parseInstant: () => [[now]],
    formatDate: () => [[20_000]],
    formatInstant: () => [[Date.parse(now)]],
    createWorkCalendar: () => [[{ 2027: { holidays: { 元旦: ['2027-01-01'] }, workdays: [] } }]],
  };
}

/**
 * Every exported function of core (but those named in `excluded`: the store's own entry points,
 * which its suites attack) with the calls the fuzz makes of it.
 */
export function fuzzCalls(core: Namespace, ex: Namespace, excluded: ReadonlySet<string> = new Set()): { functions: string[]; calls: FuzzCall[] } {
  const hostile = hostileValues();
  const recorded = validCalls(core, ex);
  const pool: unknown[] = [];
  for (const make of Object.values(recorded)) {
    try {
      for (const tuple of make()) pool.push(...tuple);
    } catch {
      // a seed that no longer matches its function is simply not used
    }
  }
  const functions = Object.keys(core)
    .filter((name) => typeof core[name] === 'function' && !excluded.has(name) && !/^[A-Z]/.test(name) && !/^example|^civilCodeQuiz$/.test(name))
    .sort();
  const calls: FuzzCall[] = [];
  const random = prng(19);
  for (const fn of functions) {
    let seeds: unknown[][] = [];
    try {
      seeds = recorded[fn]?.() ?? [];
    } catch {
      seeds = [];
    }
    if (seeds.length === 0) {
      const arity = Math.max(1, (core[fn] as (...a: unknown[]) => unknown).length);
      seeds = [0, 1].map(() => Array.from({ length: arity }, () => pool[Math.floor(random() * pool.length)]));
    }
    for (const seed of seeds) {
      const arity = Math.max(seed.length, 1);
      for (let i = 0; i < arity; i++) {
        for (const h of hostile) {
          const args = seed.slice();
          args[i] = h.value;
          calls.push({ fn, args, label: `${fn} arg ${i} = ${h.label}` });
        }
        const original = seed[i];
        if (original && typeof original === 'object') {
          // Nested: half the hostile values (alternating by seed), at random paths.
          for (const h of hostile.filter((_, k) => k % 2 === seeds.indexOf(seed) % 2)) {
            const args = seed.slice();
            args[i] = mutate(original, h.value, random);
            calls.push({ fn, args, label: `${fn} arg ${i} nested = ${h.label}` });
          }
          for (const key of ['__proto__', 'constructor', 'prototype']) {
            const args = seed.slice();
            args[i] = mutate(original, { polluted: 'yes' }, random, key);
            calls.push({ fn, args, label: `${fn} arg ${i} own key ${key}` });
            // Keys made of data: every text field of a list's first record (a kind, a station …) set to the key.
            const first = Array.isArray(original) ? original[0] : undefined;
            if (first && typeof first === 'object') {
              for (const [field, value] of Object.entries(first)) {
                if (typeof value !== 'string') continue;
                const list = (original as unknown[]).slice();
                list[0] = { ...first, [field]: key };
                const keyed = seed.slice();
                keyed[i] = list;
                calls.push({ fn, args: keyed, label: `${fn} arg ${i}[0].${field} = ${key}` });
              }
            }
          }
        }
      }
    }
  }
  return { functions, calls };
}
