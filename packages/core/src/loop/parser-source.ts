import type * as z from '../schema/zod.js';
import { type CheckPlan, type Plan, type PlanStep, planOf } from './parse-plan.js';

/**
 * Writes the source of precompiled payload parsers: one plain function per schema, with every
 * property read by name. At run time the engine may not generate code (a strict CSP forbids it),
 * so our own loops' parsers are generated at build time instead, by
 * `packages/core/scripts/payload-parsers.mjs`; a test regenerates them and fails on any drift.
 */
export interface ParserSchema {
  /** The schema's export name in `from`. */
  readonly name: string;
  readonly schema: z.ZodType;
  /** The module the generated file imports the schema from. */
  readonly from: string;
}

export interface ParserModuleOptions {
  /** The exported map's name, e.g. `disputePayloadParsers`. */
  readonly exportName: string;
  readonly schemas: readonly ParserSchema[];
  /** Path from the generated file to `src` (e.g. `..`). */
  readonly srcDir: string;
  /** Where the file comes from, for its header comment. */
  readonly generator: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const property = (key: string) => (IDENTIFIER.test(key) ? key : JSON.stringify(key));
const read = (object: string, key: string) => (IDENTIFIER.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`);

/** A plain-JSON value written as a literal, or undefined when it is not one. */
function literal(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'function' || typeof value === 'bigint' || typeof value === 'symbol') return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const text = JSON.stringify(value);
  return text === undefined || JSON.stringify(JSON.parse(text)) !== text ? undefined : text;
}

class Unsupported extends Error {}

/** Module-level constants: patterns (shared) and the schemas' own refinements. */
class Constants {
  readonly lines: string[] = [];
  private readonly patterns = new Map<string, string>();
  private refinements = 0;

  pattern(p: RegExp): string {
    const text = `/${p.source}/${p.flags}`;
    let name = this.patterns.get(text);
    if (name === undefined) {
      name = `pattern${this.patterns.size + 1}`;
      this.patterns.set(text, name);
      this.lines.push(`const ${name} = ${text};`);
    }
    return name;
  }

  /** The helpers of parse-plan.ts the module calls: imported only when used. */
  readonly helpers = new Set<'notBlank' | 'refinementAt'>();

  refinement(schemaName: string, path: readonly PlanStep[], index: number): string {
    this.helpers.add('refinementAt');
    const name = `refine${++this.refinements}`;
    const steps = path.map((s) => (typeof s === 'string' ? `'${s}'` : `{ key: ${JSON.stringify(s.key)} }`)).join(', ');
    this.lines.push(`const ${name} = /* @__PURE__ */ refinementAt(${schemaName}, [${steps}], ${index});`);
    return name;
  }
}

/** The state of one parser's generation: its variable names, and the module's constants. */
class Writer {
  private count = 0;

  constructor(
    readonly schemaName: string,
    private readonly constants: Constants,
  ) {}

  name(prefix: string): string {
    return `${prefix}${++this.count}`;
  }

  pattern(p: RegExp): string {
    return this.constants.pattern(p);
  }

  notBlank(): string {
    this.constants.helpers.add('notBlank');
    return 'notBlank';
  }

  refinement(path: readonly PlanStep[], index: number): string {
    return this.constants.refinement(this.schemaName, path, index);
  }
}

function checkLines(w: Writer, checks: readonly CheckPlan[], value: string, path: readonly PlanStep[]): string[] {
  return checks.map((c) => {
    switch (c.check) {
      case 'min_length':
        return `if ((${value} as { length: number }).length < ${c.value}) return FAIL;`;
      case 'max_length':
        return `if ((${value} as { length: number }).length > ${c.value}) return FAIL;`;
      case 'pattern':
        return `if (!${w.pattern(c.pattern)}.test(${value} as string)) return FAIL;`;
      case 'greater_than':
        return `if (!((${value} as number) ${c.inclusive ? '>=' : '>'} ${c.value})) return FAIL;`;
      case 'less_than':
        return `if (!((${value} as number) ${c.inclusive ? '<=' : '<'} ${c.value})) return FAIL;`;
      case 'custom':
        return `if (${w.refinement(path, c.index)}(${value} as never) !== true) return FAIL;`;
      case 'issues':
      case 'overwrite':
        throw new Unsupported(`a ${c.check} check`);
    }
  });
}

const indent = (lines: readonly string[]) => lines.map((l) => `  ${l}`);

/** Whether a plan lets undefined through (so that only the key's presence tells a required field apart). */
function acceptsUndefined(plan: Plan): boolean {
  switch (plan.kind) {
    case 'unknown':
    case 'optional':
      return true;
    case 'nullable':
      return acceptsUndefined(plan.inner);
    case 'enum':
      return plan.values.includes(undefined);
    default:
      return false;
  }
}

/**
 * Lines that check the value in variable `input` against `plan`, `return FAIL` when it fails,
 * and leave the output in the returned expression.
 */
function emit(w: Writer, plan: Plan, input: string, path: readonly PlanStep[]): { lines: string[]; value: string } {
  const lines: string[] = [];
  let value = input;
  switch (plan.kind) {
    case 'string': {
      const tests = [`typeof ${input} !== 'string'`];
      if (plan.min > 0) tests.push(`${input}.length < ${plan.min}`);
      if (plan.max !== Infinity) tests.push(`${input}.length > ${plan.max}`);
      if (plan.notBlank) tests.push(`!${w.notBlank()}(${input})`);
      if (plan.pattern) tests.push(`!${w.pattern(plan.pattern)}.test(${input})`);
      lines.push(`if (${tests.join(' || ')}) return FAIL;`);
      break;
    }
    case 'boolean':
      lines.push(`if (typeof ${input} !== 'boolean') return FAIL;`);
      break;
    case 'number':
      lines.push(plan.integer ? `if (!Number.isSafeInteger(${input})) return FAIL;` : `if (typeof ${input} !== 'number' || !Number.isFinite(${input})) return FAIL;`);
      break;
    case 'enum': {
      const values = plan.values.map(literal);
      if (values.some((v) => v === undefined)) throw new Unsupported('an enum value is not plain JSON');
      lines.push(`if (${values.map((v) => `${input} !== ${v}`).join(' && ')}) return FAIL;`);
      break;
    }
    case 'nullable':
    case 'optional':
    case 'default': {
      if (plan.kind === 'optional' && (plan.exact || plan.innerDefaulted)) throw new Unsupported('an exact optional, or an optional default');
      const empty = plan.kind === 'nullable' ? 'null' : 'undefined';
      const fallback = plan.kind === 'default' ? literal(plan.value()) : empty;
      if (fallback === undefined) throw new Unsupported('a default is not plain JSON');
      const inner = emit(w, plan.inner, input, [...path, 'inner']);
      value = w.name('v');
      // A default also stands in for an inner result of undefined, as zod's does.
      const after = plan.kind === 'default' && acceptsUndefined(plan.inner) ? [`  if (${value} === undefined) ${value} = ${fallback};`] : [];
      lines.push(`let ${value}: unknown;`, `if (${input} === ${empty}) ${value} = ${fallback};`, 'else {', ...indent(inner.lines), `  ${value} = ${inner.value};`, ...after, '}');
      break;
    }
    case 'unknown':
      break;
    case 'union':
      throw new Unsupported('a union');
    case 'array': {
      const index = w.name('i');
      const item = w.name('item');
      const element = emit(w, plan.element, item, [...path, 'element']);
      value = w.name('list');
      lines.push(
        `if (!Array.isArray(${input})) return FAIL;`,
        `const ${value} = new Array<unknown>(${input}.length);`,
        `for (let ${index} = 0; ${index} < ${input}.length; ${index}++) {`,
        `  const ${item}: unknown = ${input}[${index}];`,
        ...indent(element.lines),
        `  ${value}[${index}] = ${element.value};`,
        '}',
      );
      break;
    }
    case 'object': {
      const source = w.name('object');
      lines.push(`if (${input} === null || typeof ${input} !== 'object' || Array.isArray(${input})) return FAIL;`, `const ${source} = ${input} as Record<string, unknown>;`);
      const fields = plan.fields.map((field) => {
        const raw = w.name(field.key.replace(/\W/g, '_') + '_');
        lines.push(`const ${raw} = ${read(source, field.key)};`);
        const parsed = emit(w, field.plan, raw, [...path, { key: field.key }]);
        const optional = field.optin === 'optional' && field.optout === 'optional';
        if (field.optin === undefined || (field.optin === 'defaulted' && field.optout === undefined)) {
          // Required (an absent key fails even where undefined would pass), or defaulted: always set.
          if (field.optin === undefined && acceptsUndefined(field.plan)) lines.push(`if (${raw} === undefined && !(${JSON.stringify(field.key)} in ${source})) return FAIL;`);
          lines.push(...parsed.lines);
          return { field, value: parsed.value, present: undefined };
        }
        if (!optional) throw new Unsupported(`field ${field.key}: optin ${field.optin}, optout ${field.optout}`);
        // zod keeps an optional key that is present (even as undefined), and drops an absent one.
        const present = w.name('has');
        const out = w.name('v');
        lines.push(`const ${present} = ${raw} !== undefined || ${JSON.stringify(field.key)} in ${source};`, `let ${out}: unknown;`, `if (${present}) {`, ...indent(parsed.lines), `  ${out} = ${parsed.value};`, '}');
        return { field, value: out, present };
      });
      value = w.name('out');
      const whole = (list: typeof fields) => `{ ${list.map((f) => `${property(f.field.key)}: ${f.value}`).join(', ')} }`;
      const optional = fields.filter((f) => f.present !== undefined);
      if (optional.length === 0) {
        lines.push(`const ${value} = ${whole(fields)};`);
      } else {
        // One literal when every optional key is absent (the usual case), in zod's key order.
        lines.push(
          `let ${value}: Record<string, unknown>;`,
          `if (${optional.map((f) => `!${f.present}`).join(' && ')}) ${value} = ${whole(fields.filter((f) => f.present === undefined))};`,
          'else {',
          `  ${value} = {};`,
          ...fields.map((f) => `  ${f.present === undefined ? '' : `if (${f.present}) `}${read(value, f.field.key)} = ${f.value};`),
          '}',
        );
      }
      break;
    }
  }
  lines.push(...checkLines(w, plan.checks, value, path));
  return { lines, value };
}

/** The source of one parser function, or undefined when the schema is beyond the fast parsers. */
function parserFunction(w: Writer, fn: string, schema: z.ZodType): string | undefined {
  const plan = planOf(schema);
  if (plan === undefined) return undefined;
  try {
    const body = emit(w, plan, 'value', []);
    return [`function ${fn}(value: unknown): unknown {`, ...indent(body.lines), `  return ${body.value};`, '}'].join('\n');
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
}

/** The text of a generated parsers module. Schemas beyond the fast parsers are left to zod. */
export function parserModuleSource(options: ParserModuleOptions): string {
  const imports = new Map<string, Set<string>>();
  const constants = new Constants();
  const functions: string[] = [];
  const entries: string[] = [];
  for (const { name, schema, from } of options.schemas) {
    const fn = `parse${name.replace(/Schema$/, '')}`;
    const source = parserFunction(new Writer(name, constants), fn, schema);
    if (source === undefined) continue;
    if (!imports.has(from)) imports.set(from, new Set());
    imports.get(from)!.add(name);
    functions.push(`/** ${name} */\n${source}`);
    entries.push(`  [${name}, ${fn}],`);
  }
  const src = options.srcDir;
  const header = [
    `// Generated by ${options.generator} from the payload schemas below. Do not edit:`,
    '// a test regenerates this file and fails on any difference.',
    `import type * as z from '${src}/schema/zod.js';`,
    `import { FAIL, type FastParse } from '${src}/loop/fast-parse.js';`,
    ...(constants.helpers.size ? [`import { ${[...constants.helpers].sort().join(', ')} } from '${src}/loop/parse-plan.js';`] : []),
    ...[...imports].sort(([a], [b]) => a.localeCompare(b)).map(([from, names]) => `import { ${[...names].sort().join(', ')} } from '${from}';`),
  ];
  return (
    [
      header.join('\n'),
      ...(constants.lines.length ? [constants.lines.join('\n')] : []),
      ...functions,
      `/** The precompiled parsers, keyed by schema: pass as \`payloadParsers\` to \`defineLoop\`. */\nexport const ${options.exportName}: ReadonlyMap<z.ZodType, FastParse> = /* @__PURE__ */ new Map<z.ZodType, FastParse>([\n${entries.join('\n')}\n]);`,
    ].join('\n\n') + '\n'
  );
}
