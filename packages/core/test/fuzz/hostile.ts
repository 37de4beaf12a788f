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
    footRound: () => [[[fr(1n, 3n), fr(2n, 3n)]], [[1.5, -0.25], { decimals: 1, scale: 100n }]],
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
    cutLimit: () => [[7], [20, 0.3]],
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
    personalOutline: () => [[core.DisputeSchema]],
    maskByOutline: () => [[core.DISPUTE_PERSONAL_FIELDS, disputes()[0].data]],
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
    ...storeCalls(core, ex),
  };
}

/**
 * Valid calls of the store's entry points and of the helpers that read and write a store: each
 * function gets its own memory store, seeded with example records (the calls change it as they go).
 */
export function storeCalls(core: Namespace, ex: Namespace): Record<string, () => unknown[][]> {
  const f = (name: string) => ex[name] as (...a: unknown[]) => any;
  const c = (name: string) => core[name] as (...a: unknown[]) => any;
  const memory = (spec: string) => c('createMemoryStore')(core[spec]);
  const now = '2025-10-20T12:00:00+08:00';
  const disputes = () => f('exampleDisputes')(4);
  const disputeStore = () => {
    const s = memory('disputeStoreSpec');
    void s.bulkPut('disputes', disputes());
    return s;
  };
  const roster = () => f('exampleRoster')({ counties: 1, stationsPerCounty: 1, officersPerStation: 2 });
  const taskStore = (r = roster()) => {
    const s = memory('taskStoreSpec');
    void c('dispatchMonthToStore')(s, { catalog: f('exampleCatalog')(), roster: r, month: '2025-10', at: '2025-10-01T08:00:00+08:00' });
    return s;
  };
  const permitInput = () => ({
    id: 'EP-new',
    application: { name: '海滨音乐节', kind: 'cultureTourism', venue: '北戴河鸽子窝公园', eventDate: '2026-08-20', expectedAttendance: 5000, organizer: { name: '秦皇岛文化公司', contact: '汪洋', phone: '0335-1234567' } },
    actor: { id: 'org-1', role: 'organizer' },
    at: '2026-05-01T09:00:00+08:00',
  });
  const volunteerStore = () => {
    const s = memory('volunteerStore');
    const l = f('exampleVolunteerLog')(5, 10);
    void s.bulkPut('volunteers', l.roster);
    return { s, l };
  };
  const unitStore = () => {
    const s = memory('emergencyUnitStore');
    const u = f('exampleEmergencyUnits')(3, 2);
    void s.bulkPut('units', u.units);
    return { s, u };
  };
  const withdraw = (d: any) => ({ type: 'withdraw', actor: d.history[0].actor, at: now, payload: { reason: '当事人撤回' } });
  return {
    defineStore: () => [[{ name: 'bihuan-fuzz', collections: { a: { schema: core.VolunteerSchema, key: 'id', indexes: { n: 'name' } } } }]],
    createMemoryStore: () => [[core.volunteerStore], [core.disputeStoreSpec, { actor: { id: 'a', role: 'r' } }]],
    createMemoryBacking: () => [[]],
    createIndexedDbStore: () => [[core.volunteerStore]],
    deleteIndexedDbStore: () => [['bihuan-fuzz']],
    schemaVersionOf: () => [[core.volunteerStore]],
    fingerprintOf: () => [[core.volunteerStore]],
    compareKeys: () => [['a', 'b'], [[1, 'x'], [1, 'y']]],
    recordVersion: () => [[disputes()[0]]],
    loopCollection: () => [[core.disputeLoop, { town: 'data.town' }]],
    loopChangeCheck: () => [[core.disputeLoop]],
    applyLoopEvent: () => { const d = disputes(); return [[disputeStore(), 'disputes', core.disputeLoop, d[0].id, withdraw(d[0])], [disputeStore(), 'disputes', core.disputeLoop, d[1].id, withdraw(d[1]), undefined, { expectedVersion: d[1].history.length }]]; },
    applyLoopEventIn: () => { const d = disputes(); return [[{}, 'disputes', core.disputeLoop, d[0].id, withdraw(d[0])]]; },
    fileEventPermitIn: () => [[memory('eventPermitStore'), permitInput()]],
    logAssistIn: () => { const { s, l } = volunteerStore(); return [[s, { id: 'A-new', volunteerId: l.roster[0].id, kind: 'patrol', date: l.roster[0].joinedOn, minutes: 60 }]]; },
    recordResponseIn: () => { const { s, u } = unitStore(); return [[s, { ...u.responses[0], id: 'R-new' }]]; },
    dispatchMonthToStore: () => [[memory('taskStoreSpec'), { catalog: f('exampleCatalog')(), roster: roster(), month: '2025-10', at: '2025-10-01T08:00:00+08:00' }]],
    reassignOnLeaveInStore: () => { const r = roster(); return [[taskStore(r), { roster: r, from: r.officers[0].id, to: r.officers[1].id, reason: '休假', at: '2025-10-10T09:00:00+08:00' }]]; },
    urgeOrders: () => [[taskStore(), { orders: ['x'], instruction: '请尽快完成', actor: { id: 'sup', role: 'supervisor' }, at: now }]],
    openOverdueAccountability: () => { const s = memory('rectificationStoreSpec'); void s.bulkPut('items', f('exampleRectificationItems')()); return [[s, now, { id: 'sup', role: 'supervisor' }]]; },
    exportBackup: () => [[disputeStore()]],
    importBackup: () => [[memory('volunteerStore'), JSON.stringify({ format: 'bihuan-backup', formatVersion: 2, store: 'bihuan-volunteer', schemaVersion: 1, collections: { volunteers: [], assists: [] }, changes: [] }), { allowEmpty: true }]],
    exportLedgerCsv: () => [[disputeStore(), 'disputes', [{ header: 'id', value: 'id' }]]],
  };
}

/** A store's methods as functions (`store.get` …) over one memory store, with valid calls of each. */
export function storeMethods(core: Namespace, ex: Namespace): { namespace: Namespace; calls: Record<string, () => unknown[][]> } {
  const store = (core.createMemoryStore as (spec: unknown) => Record<string, (...a: unknown[]) => unknown>)(core.volunteerStore);
  const l = (ex.exampleVolunteerLog as (m: number, a: number) => { roster: Record<string, unknown>[]; assists: Record<string, unknown>[] })(6, 12);
  void store.bulkPut!('volunteers', l.roster.slice(0, 3));
  const v = l.roster[4]! as Record<string, unknown> & { id: string };
  const methods = ['get', 'put', 'add', 'bulkPut', 'delete', 'bulkDelete', 'query', 'all', 'count', 'applyEvent', 'batch', 'history', 'changes', 'lastSeq', 'subscribe', 'dump', 'restore', 'verify'];
  const namespace: Namespace = {};
  for (const m of methods) namespace[`store.${m}`] = (...args: unknown[]) => store[m]!(...args);
  const calls: Record<string, () => unknown[][]> = {
    'store.get': () => [['volunteers', v.id]],
    'store.put': () => [['volunteers', v]],
    'store.add': () => [['volunteers', { ...v, id: 'V-add' }]],
    'store.bulkPut': () => [['volunteers', l.roster.slice(3, 6)]],
    'store.delete': () => [['volunteers', 'V-none']],
    'store.bulkDelete': () => [['volunteers', ['V-none', 'V-none-2']]],
    'store.query': () => [['volunteers', { limit: 2 }], ['assists', { index: 'date', gte: '2024-01-01', limit: 5, reverse: true }]],
    'store.all': () => [['volunteers', { equals: v.id }]],
    'store.count': () => [['assists', { index: 'kind', equals: 'patrol' }]],
    'store.applyEvent': () => [['volunteers', v.id, (current: unknown) => ({ ok: true, snapshot: current }), { expectedVersion: 0 }]],
    'store.batch': () => [[async (tx: { get: (c: string, k: string) => Promise<unknown> }) => tx.get('volunteers', v.id)]],
    'store.history': () => [['volunteers', v.id]],
    'store.changes': () => [[{ after: 0, limit: 5 }]],
    'store.lastSeq': () => [[]],
    'store.subscribe': () => [[() => undefined]],
    'store.dump': () => [[]],
    'store.restore': () => [[{ name: 'bihuan-volunteer', schemaVersion: 1, collections: { volunteers: l.roster.slice(0, 2), assists: [] }, changes: [] }]],
    'store.verify': () => [[]],
  };
  return { namespace, calls };
}

/**
 * Every exported function of core (but those named in `excluded`) with the calls the fuzz makes
 * of it; `extra` adds recorded calls (of the functions a namespace adds, such as a store's methods).
 */
export function fuzzCalls(core: Namespace, ex: Namespace, excluded: ReadonlySet<string> = new Set(), extra: Record<string, () => unknown[][]> = {}): { functions: string[]; calls: FuzzCall[] } {
  const hostile = hostileValues();
  const recorded = { ...validCalls(core, ex), ...extra };
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
