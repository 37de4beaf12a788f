/**
 * Core's root entry in Node (the `node` condition of `@bihuan/core`): everything the root entry
 * exports, with event payloads parsed by zod's compiled parsers (`loop/payload-parser.ts`), which
 * pages never load.
 */
import { compile } from './schema/zod.js';
import { usePayloadCompiler } from './loop/payload-parser.js';

usePayloadCompiler((schema) => compile(schema));

export * from './index.js';
