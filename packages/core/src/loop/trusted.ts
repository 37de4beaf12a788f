/**
 * Snapshots the engine itself made (by `createItem`, `transition`, `replay`, `loadSnapshot`): their
 * data was checked against the loop's schema when they were made. Any other snapshot a caller
 * hands in has its data checked before an event is applied, so that a nested field of the wrong
 * type (`data.parties: 5`) is refused by the schema rather than met by a guard as a TypeError.
 */

class Returning {
  constructor(target: object) {
    return target;
  }
}

/** @internal A mark that objects carry for one module: `add` puts it on, `has` tells. */
export interface Mark {
  add<T extends object>(target: T): T;
  /** `add` for an object just made, never marked, that still takes new fields (an object literal). */
  addNew<T extends object>(target: T): T;
  has(target: object): boolean;
}

/**
 * @internal A new mark, distinct from every other. It is a private field stamped onto the object
 * itself (through a class whose base constructor returns the object it is given): it costs what
 * adding one property costs, where a `WeakSet` entry cost about a microsecond per transition and
 * more again in garbage collection. Like a set's entry it belongs to that one object: invisible to
 * `Object.keys`, JSON, `structuredClone` and equality checks, and not carried by a spread copy or
 * a clone (`{ ...snapshot, data }`). Objects that take no new fields (frozen or sealed, as a
 * store keeps its records) are kept in a `WeakSet` instead.
 */
export function createMark(): Mark {
  class Stamp extends Returning {
    #on = true;

    static has(target: object): boolean {
      return #on in target;
    }
  }
  const sealed = new WeakSet<object>();
  // Anything but an object (or a function) carries no mark: the answer is no, never a TypeError.
  const has = (target: object): boolean => target !== null && (typeof target === 'object' || typeof target === 'function') && (Stamp.has(target) || sealed.has(target));
  return {
    add<T extends object>(target: T): T {
      // The set holds only objects that took no new field when marked, so an object that still
      // takes one (every snapshot the engine has just made) needs no look-up in it.
      if (Object.isExtensible(target)) {
        if (!Stamp.has(target)) new Stamp(target);
      } else if (!has(target)) sealed.add(target);
      return target;
    },
    // Without `add`'s two questions (extensible? marked already?), which cost more than the mark.
    addNew<T extends object>(target: T): T {
      new Stamp(target);
      return target;
    },
    has,
  };
}

const made = /* @__PURE__ */ createMark();

/** @internal Marks a snapshot the engine made (or has checked). */
export function trust<T extends object>(snapshot: T): T {
  return made.add(snapshot);
}

/** @internal Marks a snapshot the engine has just made as an object literal (never marked before). */
export function trustNew<T extends object>(snapshot: T): T {
  return made.addNew(snapshot);
}

/** @internal Whether the engine made (or has checked) this snapshot. */
export function isTrusted(snapshot: object): boolean {
  return made.has(snapshot);
}
