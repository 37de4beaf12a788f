// The npm build's twin of the script-tag prelude (src/cdn/trusted-types-banner.ts), imported before
// anything that imports lit: lit makes its Trusted Types policy, "lit-html", when its module is
// evaluated, and a throw there stops the whole bundle — no widget defined, none of core's exports
// reachable from the host's own code. Here `createPolicy` is wrapped once per page (the same mark as
// the prelude's, so whichever runs first does it): a later copy of lit gets the first copy's
// policy back, and when the page's CSP refuses the name (`trusted-types portal-policy`) or another
// lit took it first, lit gets a stand-in instead of a throw and the page is flagged, so that
// `defineElement` registers elements that say in place what the CSP must allow.

const MARK = Symbol.for('bihuan.litHtmlPolicy');
/** Another copy of lit made the "lit-html" policy before any of our files ran. */
export const POLICY_TAKEN = Symbol.for('bihuan.litHtmlPolicyTaken');
/** The page's CSP does not allow a policy named "lit-html". */
export const POLICY_DISALLOWED = Symbol.for('bihuan.litHtmlPolicyDisallowed');

interface PolicyFactory {
  createPolicy(name: string, rules: object): unknown;
  [MARK]?: boolean;
}

function install(): void {
  const factory = (globalThis as { trustedTypes?: PolicyFactory }).trustedTypes;
  if (!factory || factory[MARK]) return;
  const create = factory.createPolicy;
  let policy: unknown;
  const wrapped = function (this: unknown, name: string, rules: object): unknown {
    if (name !== 'lit-html') return Reflect.apply(create, factory, [name, rules]);
    if (policy) return policy;
    try {
      return (policy = Reflect.apply(create, factory, [name, rules]));
    } catch (error) {
      const taken = /exist/i.test(String((error as Error)?.message));
      (globalThis as Record<symbol, unknown>)[taken ? POLICY_TAKEN : POLICY_DISALLOWED] = true;
      return {
        createHTML() {
          throw error;
        },
      };
    }
  };
  Object.defineProperty(factory, MARK, { value: true });
  factory.createPolicy = wrapped;
}

install();
