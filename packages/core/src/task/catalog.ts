import * as z from '../schema/zod.js';
import { BihuanError, clip, InvalidArgumentError } from '../errors/errors.js';
import type { Localized } from '../i18n/locale.js';
import { issueText } from '../schema/issues.js';
import { type Catalog, CatalogSchema, type Roster, RosterSchema, type TaskTemplate } from './schema.js';

/**
 * One thing wrong in a loaded catalog or roster: where (`templates[3].due.day`) and what —
 * `message` in English, `text` in every locale.
 */
export interface LoadIssue {
  readonly path: string;
  readonly message: string;
  readonly text: Localized;
}

/**
 * A city's catalog or roster was refused. `issues` lists every problem found, each with its path
 * (`templates[12].category`); the message names the first few, so that whoever edits the JSON file
 * sees where to look.
 */
export class TaskDataError extends BihuanError {
  readonly issues: readonly LoadIssue[];
  constructor(code: 'catalog_invalid' | 'roster_invalid', what: { 'zh-CN': string; en: string }, issues: readonly LoadIssue[]) {
    const shown = (locale: 'zh-CN' | 'en') => issues.slice(0, 5).map((i) => `${i.path}${locale === 'en' ? ': ' : '：'}${i.text[locale]}`).join(locale === 'en' ? '; ' : '；');
    const more = issues.length > 5 ? issues.length - 5 : 0;
    super(code, {
      'zh-CN': `${what['zh-CN']}有 ${issues.length} 处错误：${shown('zh-CN')}${more ? `；另有 ${more} 处` : ''}`,
      en: `${what.en} has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${shown('en')}${more ? `; and ${more} more` : ''}`,
    });
    this.name = 'TaskDataError';
    this.issues = issues;
  }
}

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const key of path) text += typeof key === 'number' ? `[${key}]` : text ? `.${clip(String(key), 60)}` : clip(String(key), 60);
  return text || '(root)';
}

// Objects made by loadCatalog / loadRoster: trusted without parsing them again.
const loaded = new WeakSet<object>();

function load<T extends object>(schema: z.ZodType<T>, input: unknown, code: 'catalog_invalid' | 'roster_invalid', what: { 'zh-CN': string; en: string }): T {
  if (input !== null && typeof input === 'object' && loaded.has(input)) return input as T;
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      const detail = clip((cause as Error).message);
      throw new TaskDataError(code, what, [{ path: '(root)', message: `not valid JSON (${detail})`, text: { 'zh-CN': `不是有效的 JSON（${detail}）`, en: `not valid JSON (${detail})` } }]);
    }
  }
  const parsed = z.safeParse(schema, value);
  if (!parsed.success) {
    throw new TaskDataError(
      code,
      what,
      parsed.error.issues.map((i) => {
        const text = issueText(i, value, { quoteValue: false });
        // A rule of the schema's own (a station not in the roster) keeps its words in English.
        return { path: pathText(i.path), message: i.code === 'custom' ? clip(i.message) : text.en, text };
      }),
    );
  }
  loaded.add(parsed.data);
  return parsed.data;
}

const CATALOG = { 'zh-CN': '任务清单', en: 'the task catalog' };
const ROSTER = { 'zh-CN': '民警名册', en: 'the roster' };

/**
 * Loads a city's task catalog from JSON text or a parsed object. Every problem is reported at
 * once with its path (`TaskDataError`). Chinese-only texts are accepted; English falls back to them.
 */
export function loadCatalog(input: unknown): Catalog {
  return load(CatalogSchema, input, 'catalog_invalid', CATALOG);
}

/** Loads a city's roster (counties, stations, officers) from JSON text or a parsed object. */
export function loadRoster(input: unknown): Roster {
  return load(RosterSchema, input, 'roster_invalid', ROSTER);
}

/** @internal A catalog argument: loaded (or loadable), else `InvalidArgumentError` naming it. */
export function catalogArg(fn: string, argument: string, input: unknown): Catalog {
  try {
    return loadCatalog(input);
  } catch (error) {
    throw argError(fn, argument, error, input);
  }
}

/** @internal A roster argument, likewise. */
export function rosterArg(fn: string, argument: string, input: unknown): Roster {
  try {
    return loadRoster(input);
  } catch (error) {
    throw argError(fn, argument, error, input);
  }
}

function argError(fn: string, argument: string, error: unknown, input: unknown): unknown {
  if (!(error instanceof TaskDataError)) return error;
  const first = error.issues[0]!;
  return new InvalidArgumentError(fn, `${argument}${first.path === '(root)' ? '' : `.${first.path}`}`, { 'zh-CN': `不符合要求：${first.text['zh-CN']}`, en: `is not valid: ${first.text.en}` }, input);
}

/** A template of the catalog by id, or undefined. */
export function findTemplate(catalog: Catalog, id: string): TaskTemplate | undefined {
  return catalogArg('findTemplate', 'catalog', catalog).templates.find((t) => t.id === id);
}
