/**
 * zod, as every core module imports it: `import * as z from '../schema/zod.js'`.
 *
 * Validation runs without zod's JIT. The JIT compiles parsers with `new Function`, and merely
 * probing for it is reported as a violation on pages whose Content-Security-Policy forbids eval
 * (`require-trusted-types-for 'script'`, no 'unsafe-eval') — the policy government portals use.
 * The same rules must run identically on a portal's server, so they run jitless there too.
 * (One exception, in Node only: the loop engine parses event payloads with zod's compiled parsers,
 * which answer as the schemas do — see `loop/payload-parser.ts`.)
 * (`export *` keeps zod tree-shakable; `import { z }` would drag all of it in.)
 */
import { config } from 'zod';

config({ jitless: true });

export * from 'zod';
