// Finding a dispute by text, party name, phone, ID number, address or 12345 item number — and
// the possible duplicates of a new one — without showing a viewer what they may not see.
import * as z from '../schema/zod.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { checkArray, parseArgument } from '../schema/argument.js';
import { type Moment, momentMs } from '../loop/deadlines.js';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../privacy/privacy.js';
import type { DisputeItem } from './definition.js';
import { DISPUTE_PERSONAL_DATA_ROLES, maySeePersonalData } from './labels.js';

/** The longest text search normalises: a record's searchable text stays far below it. */
const MAX_SEARCH_TEXT = 20_000;

function checkText(fn: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value.length > MAX_SEARCH_TEXT) throw new InvalidArgumentError(fn, 'value', { 'zh-CN': `必须是文本（至多 ${MAX_SEARCH_TEXT} 字）`, en: `must be a string (at most ${MAX_SEARCH_TEXT} characters)` }, value);
}

/**
 * Text as search compares it: full-width forms folded to half-width (ＡＢＣ１２３ → abc123, NFKC),
 * lower case, and spaces, dashes, dots, brackets and the like removed ("138 1234-5678" →
 * "13812345678").
 */
export function normalizeForSearch(value: string): string {
  checkText('normalizeForSearch', value);
  return value.normalize('NFKC').toLowerCase().replace(/[\s\-_.,·•・。，、()（）[\]【】/\\'"“”‘’]+/gu, '');
}

/** A phone number's digits, without China's +86 / 0086 prefix before an 11-digit mobile number. */
export function normalizePhoneNumber(value: string): string {
  checkText('normalizePhoneNumber', value);
  const digits = value.normalize('NFKC').replace(/\D+/g, '');
  const mobile = /^(?:0086|86)(1\d{10})$/.exec(digits);
  return mobile ? mobile[1]! : digits;
}

const normalizeId = (value: string) => value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();

/** Who is looking: their role decides whether personal data comes back in clear. */
const ViewerSchema = z.object({ role: z.optional(z.nullable(z.string().check(z.maxLength(120)))), personalDataRoles: z.optional(z.array(z.string().check(z.maxLength(120))).check(z.maxLength(100))) });
export type SearchViewer = z.input<typeof ViewerSchema>;

export const SearchOptionsSchema = z.object({
  viewer: z.optional(ViewerSchema),
  /** At most this many hits (50). */
  limit: z._default(z.int().check(z.gte(1), z.lte(10_000)), 50),
});
export type SearchOptions = z.input<typeof SearchOptionsSchema>;

/** What matched: the record's text (title, description, town, community), or one kind of field. */
export type SearchMatch = 'id' | 'hotline' | 'text' | 'name' | 'phone' | 'idNumber' | 'address';

/** A party as a hit shows it: masked (`138****5678`, `陈*`) for a viewer who may not see it in clear. */
export interface SearchParty {
  readonly id: string;
  readonly side: 'applicant' | 'respondent';
  readonly name: string;
  readonly phone?: string;
  readonly idNumber?: string;
  readonly address?: string;
}

/** One dispute found: a summary, never the history (whose payloads a masked viewer must not read). */
export interface DisputeSearchHit {
  readonly id: string;
  readonly state: DisputeItem['state'];
  readonly title: string;
  readonly town: string;
  readonly community: string;
  readonly hotline: string | null;
  readonly createdAt: string;
  readonly parties: readonly SearchParty[];
  /** The kinds of field that matched, strongest first. */
  readonly matched: readonly SearchMatch[];
  /** Whether personal data in `parties` is masked for this viewer. */
  readonly masked: boolean;
}

const WEIGHT: Record<SearchMatch, number> = { idNumber: 6, phone: 5, id: 5, hotline: 5, name: 3, address: 2, text: 1 };

interface Entry {
  readonly item: DisputeItem;
  readonly createdMs: number;
  readonly id: string;
  readonly hotline: string;
  readonly text: string;
  readonly names: readonly string[];
  readonly phones: readonly string[];
  readonly ids: readonly string[];
  readonly addresses: readonly string[];
}

/** Exact-value lookups for the fields a masked viewer may only match whole. */
interface Exact {
  readonly name: Map<string, number[]>;
  readonly phone: Map<string, number[]>;
  readonly idNumber: Map<string, number[]>;
  readonly address: Map<string, number[]>;
}

function put(map: Map<string, number[]>, key: string, at: number): void {
  if (key === '') return;
  const list = map.get(key);
  if (list === undefined) map.set(key, [at]);
  else if (list[list.length - 1] !== at) list.push(at);
}

function entryOf(item: DisputeItem, i: number, fn: string): Entry {
  const d = item?.data;
  if (item === null || typeof item !== 'object' || typeof item.id !== 'string' || d === null || typeof d !== 'object' || !Array.isArray(d.parties)) {
    throw new InvalidArgumentError(fn, `items[${i}]`, { 'zh-CN': '必须是纠纷闭环的快照', en: 'must be a snapshot of the dispute loop' }, item);
  }
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const parties = d.parties.filter((p) => p !== null && typeof p === 'object');
  const createdMs = Date.parse(str(item.createdAt));
  return {
    item,
    createdMs: Number.isNaN(createdMs) ? 0 : createdMs,
    id: normalizeForSearch(item.id),
    hotline: normalizeForSearch(str(d.hotline)),
    text: normalizeForSearch([d.title, d.description, d.town, d.community].map(str).join('\u0001')),
    names: parties.map((p) => normalizeForSearch(str(p.name))).filter(Boolean),
    phones: parties.map((p) => normalizePhoneNumber(str(p.phone))).filter(Boolean),
    ids: parties.map((p) => normalizeId(str(p.idNumber))).filter(Boolean),
    addresses: parties.map((p) => normalizeForSearch(str(p.address))).filter(Boolean),
  };
}

function hitOf(entry: Entry, matched: ReadonlySet<SearchMatch>, clear: boolean): DisputeSearchHit {
  const d = entry.item.data;
  const mask = (value: string | undefined, f: (v: string) => string) => (value === undefined ? undefined : clear ? value : f(value));
  const parties = d.parties.map((p) => {
    const party: { -readonly [K in keyof SearchParty]: SearchParty[K] } = { id: p.id, side: p.side, name: clear ? p.name : maskName(p.name) };
    const phone = mask(p.phone, maskPhone);
    const idNumber = mask(p.idNumber, maskIdNumber);
    const address = mask(p.address, maskAddress);
    if (phone !== undefined) party.phone = phone;
    if (idNumber !== undefined) party.idNumber = idNumber;
    if (address !== undefined) party.address = address;
    return party;
  });
  return {
    id: entry.item.id,
    state: entry.item.state,
    title: d.title,
    town: d.town,
    community: d.community,
    hotline: d.hotline ?? null,
    createdAt: entry.item.createdAt,
    parties,
    matched: [...matched].sort((a, b) => WEIGHT[b] - WEIGHT[a]),
    masked: !clear,
  };
}

const score = (matched: ReadonlySet<SearchMatch>) => {
  let s = 0;
  for (const m of matched) s += WEIGHT[m];
  return s;
};

/** The fields of an intake (or a dispute record) that say who: parties' names, phones, ID numbers and addresses. */
export interface DuplicateProbe {
  readonly town?: string;
  readonly community?: string;
  readonly parties: readonly { readonly name?: string; readonly phone?: string; readonly idNumber?: string; readonly address?: string }[];
}

const ProbeSchema = z.object({
  town: z.optional(z.string().check(z.maxLength(200))),
  community: z.optional(z.string().check(z.maxLength(200))),
  parties: z.array(z.object({ name: z.optional(z.string().check(z.maxLength(200))), phone: z.optional(z.string().check(z.maxLength(40))), idNumber: z.optional(z.string().check(z.maxLength(40))), address: z.optional(z.string().check(z.maxLength(400))) })).check(z.maxLength(200)),
});

export const DuplicateOptionsSchema = z.object({
  /** When the new dispute comes in: candidates are those accepted within `windowDays` before it. */
  at: z.union([z.string(), z.date(), z.number()]),
  windowDays: z._default(z.int().check(z.gte(1), z.lte(3660)), 90),
  /** A dispute not to report (the one being merged, itself). */
  exclude: z.optional(z.string().check(z.maxLength(120))),
  viewer: z.optional(ViewerSchema),
  limit: z._default(z.int().check(z.gte(1), z.lte(1000)), 10),
});
export type DuplicateOptions = z.input<typeof DuplicateOptionsSchema>;

/** A search over a ledger, built once (`createDisputeSearch`) and asked many times. */
export interface DisputeSearch {
  readonly size: number;
  /**
   * The disputes matching `query`, best first. A query matches a dispute's id, its 12345 item
   * number and its text (title, description, town, community) as a substring. Party names,
   * phones, ID numbers and addresses match as substrings for a viewer who may see personal data;
   * for anyone else only whole (the full number, the full name) — so a masked viewer can find a
   * case by the caller's number but cannot probe numbers digit by digit — and the hit shows them
   * masked.
   */
  search(query: string, options?: SearchOptions): DisputeSearchHit[];
  /**
   * Possible duplicates of a new dispute (or of one about to be merged): disputes accepted within
   * the window whose parties share a phone, an ID number or an address, or a name in the same
   * town — strongest first. Merged duplicates are left out (their original is found instead).
   */
  possibleDuplicates(probe: DuplicateProbe, options: DuplicateOptions): DisputeSearchHit[];
}

function clearFor(viewer: z.output<typeof ViewerSchema> | undefined): boolean {
  return maySeePersonalData(viewer?.role ?? null, viewer?.personalDataRoles ?? DISPUTE_PERSONAL_DATA_ROLES);
}

/**
 * An index over a ledger's disputes for `search` and `possibleDuplicates`. Build it once per
 * ledger (it normalises every record: about a second for 100,000 disputes on a slow machine,
 * see `pnpm bench`); a search is then a scan of short normalised strings plus exact lookups.
 */
export function createDisputeSearch(items: readonly DisputeItem[]): DisputeSearch {
  checkArray('createDisputeSearch', 'items', items);
  const entries = items.map((item, i) => entryOf(item, i, 'createDisputeSearch'));
  const exact: Exact = { name: new Map(), phone: new Map(), idNumber: new Map(), address: new Map() };
  entries.forEach((e, i) => {
    for (const v of e.names) put(exact.name, v, i);
    for (const v of e.phones) put(exact.phone, v, i);
    for (const v of e.ids) put(exact.idNumber, v, i);
    for (const v of e.addresses) put(exact.address, v, i);
  });

  function collect(found: Map<number, Set<SearchMatch>>, at: number, match: SearchMatch): void {
    const set = found.get(at);
    if (set === undefined) found.set(at, new Set([match]));
    else set.add(match);
  }
  function exactly(found: Map<number, Set<SearchMatch>>, map: Map<string, number[]>, key: string, match: SearchMatch): void {
    for (const at of map.get(key) ?? []) collect(found, at, match);
  }
  function ranked(found: Map<number, Set<SearchMatch>>, clear: boolean, limit: number): DisputeSearchHit[] {
    const order = [...found].sort(([a, ma], [b, mb]) => score(mb) - score(ma) || entries[b]!.createdMs - entries[a]!.createdMs || a - b);
    return order.slice(0, limit).map(([at, matched]) => hitOf(entries[at]!, matched, clear));
  }

  return {
    size: entries.length,
    search(query, options = {}) {
      if (typeof query !== 'string' || query.length > 200) throw new InvalidArgumentError('search', 'query', { 'zh-CN': '必须是文本（至多 200 字）', en: 'must be a string (at most 200 characters)' }, query);
      const o = parseArgument('search', 'options', SearchOptionsSchema, options);
      const clear = clearFor(o.viewer);
      const q = normalizeForSearch(query);
      if (q === '') return [];
      const digits = normalizePhoneNumber(query);
      const asPhone = digits.length >= 5 && /^[+\d\s\-()（）]+$/u.test(query.normalize('NFKC').trim()) ? digits : '';
      const asId = normalizeId(query);
      const found = new Map<number, Set<SearchMatch>>();
      if (clear) {
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i]!;
          if (e.id.includes(q)) collect(found, i, 'id');
          if (e.hotline !== '' && e.hotline.includes(q)) collect(found, i, 'hotline');
          if (e.text.includes(q)) collect(found, i, 'text');
          if (e.names.some((v) => v.includes(q))) collect(found, i, 'name');
          if (asPhone !== '' && e.phones.some((v) => v.includes(asPhone))) collect(found, i, 'phone');
          if (asId.length >= 4 && e.ids.some((v) => v.includes(asId))) collect(found, i, 'idNumber');
          if (e.addresses.some((v) => v.includes(q))) collect(found, i, 'address');
        }
      } else {
        for (let i = 0; i < entries.length; i++) {
          const e = entries[i]!;
          if (e.id.includes(q)) collect(found, i, 'id');
          if (e.hotline !== '' && e.hotline.includes(q)) collect(found, i, 'hotline');
          if (e.text.includes(q)) collect(found, i, 'text');
        }
        exactly(found, exact.name, q, 'name');
        if (asPhone !== '') exactly(found, exact.phone, asPhone, 'phone');
        exactly(found, exact.idNumber, asId, 'idNumber');
        exactly(found, exact.address, q, 'address');
      }
      return ranked(found, clear, o.limit);
    },
    possibleDuplicates(probe, options) {
      const p = parseArgument('possibleDuplicates', 'probe', ProbeSchema, probe);
      const o = parseArgument('possibleDuplicates', 'options', DuplicateOptionsSchema, options);
      const atMs = momentMs('possibleDuplicates', 'options.at', o.at as Moment);
      const fromMs = atMs - o.windowDays * 86_400_000;
      const found = new Map<number, Set<SearchMatch>>();
      const town = normalizeForSearch(p.town ?? '');
      for (const party of p.parties) {
        if (party.phone) exactly(found, exact.phone, normalizePhoneNumber(party.phone), 'phone');
        if (party.idNumber) exactly(found, exact.idNumber, normalizeId(party.idNumber), 'idNumber');
        if (party.address) exactly(found, exact.address, normalizeForSearch(party.address), 'address');
        if (party.name && town !== '') {
          for (const at of exact.name.get(normalizeForSearch(party.name)) ?? []) if (normalizeForSearch(String(entries[at]!.item.data.town)) === town) collect(found, at, 'name');
        }
      }
      for (const [at] of found) {
        const e = entries[at]!;
        if (e.item.state === 'merged' || e.item.id === o.exclude || e.createdMs < fromMs || e.createdMs > atMs) found.delete(at);
      }
      return ranked(found, clearFor(o.viewer), o.limit);
    },
  };
}

const SEARCHES = new WeakMap<readonly DisputeItem[], DisputeSearch>();

function searchFor(fn: string, items: readonly DisputeItem[]): DisputeSearch {
  checkArray(fn, 'items', items);
  let s = SEARCHES.get(items);
  if (s === undefined) {
    s = createDisputeSearch(items);
    SEARCHES.set(items, s);
  }
  return s;
}

/** `createDisputeSearch(items).search(query, options)`, with the index kept for the same array. */
export function searchDisputes(items: readonly DisputeItem[], query: string, options?: SearchOptions): DisputeSearchHit[] {
  return searchFor('searchDisputes', items).search(query, options);
}

/** `createDisputeSearch(items).possibleDuplicates(probe, options)`, with the index kept for the same array. */
export function findPossibleDuplicates(items: readonly DisputeItem[], probe: DuplicateProbe, options: DuplicateOptions): DisputeSearchHit[] {
  return searchFor('findPossibleDuplicates', items).possibleDuplicates(probe, options);
}
