// How define.ts gets the Trusted Types stand-in (policy-problem.ts). In the npm build it is already
// loaded: a host's bundler would wrap an import() in its own preload helper, which costs a page
// more than the stand-in itself. The script-tag build replaces this module with an import() of it
// (vite.cdn.config.ts), so that a page whose CSP lets lit render never fetches its sentences.
import { policyProblemElement } from './policy-problem.js';

export const loadPolicyProblem = (): Promise<typeof policyProblemElement> => Promise.resolve(policyProblemElement);
