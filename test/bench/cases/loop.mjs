// 1,000,000 dispute transitions with guards and history: our engine against XState v5 on an
// equivalent machine (its pure `transition`, and an actor's `send`) and a bare hand-written
// transition table (the floor). Every contender runs the same scripted lifecycles from the same
// accepted dispute; XState's guards do the same checks as ours (role, payload schema, time
// order, the dispute definition's own guards) and its actions keep the same history and deadlines.
import { createActor, createMachine, assign, initialTransition, transition as xTransition } from 'xstate';
import { deadlineFor, disputeLoop, transition, parseInstant } from '@bihuan/core';
import { initial, LIFECYCLES } from '../dispute-script.mjs';
import { timeSideBySide } from '../measure.mjs';

const N = 1_000_000;
const PURE_STEPS = 40_000; // XState's pure transition takes 14–40 µs a step, by machine: scaled to 1M.
const ACTOR_STEPS = 200_000; // an actor's send takes 6–11 µs a step: scaled to 1M.

const SCRIPT = LIFECYCLES.flat();
const PER_CYCLE = SCRIPT.length;

// Ours.
function runOurs(steps) {
  let done = 0;
  let accepted = 0;
  while (done < steps) {
    for (const lifecycle of LIFECYCLES) {
      let s = initial;
      for (const event of lifecycle) {
        const r = transition(disputeLoop, s, event);
        if (r.ok) { s = r.snapshot; accepted++; }
        if (++done === steps) return accepted;
      }
    }
  }
  return accepted;
}

// XState: the same machine, its guards and actions doing the same work.
// XState's guards validate each payload with the event's own zod schema, as our engine does.
const specs = disputeLoop.events;
function checks(context, event, state) {
  const spec = specs[event.type];
  if (!spec.roles.includes(event.actor.role)) return false;
  let payload;
  if (spec.payload) {
    const parsed = spec.payload.safeParse(event.payload);
    if (!parsed.success) return false;
    payload = parsed.data;
  }
  if (parseInstant(event.at) < parseInstant(context.updatedAt)) return false;
  const snap = { ...context.item, state, data: context.data };
  return !spec.guard || spec.guard(snap, event, undefined, payload) === true;
}
function record(context, event, from, to) {
  const spec = specs[event.type];
  const snap = { ...context.item, state: from, data: context.data };
  const limit = disputeLoop.states[to].limit;
  return {
    data: spec.apply ? spec.apply(context.data, event.payload, event, snap) : context.data,
    history: [...context.history, { seq: context.history.length, type: event.type, actor: { id: event.actor.id, role: event.actor.role }, at: event.at, from, to, payload: event.payload }],
    deadline: to === from ? context.deadline : limit ? deadlineFor(limit, parseInstant(event.at)) : undefined,
    updatedAt: event.at,
  };
}
const xStates = {};
for (const state of Object.keys(disputeLoop.states)) {
  const on = {};
  for (const [type, spec] of Object.entries(specs)) {
    if (!spec.from.includes(state)) continue;
    const targets = typeof spec.to === 'string' ? [spec.to] : type === 'recordFollowUp' ? ['pendingWriteOff', 'mediating'] : [state];
    on[type] = targets.map((to) => ({
      target: to === state && typeof spec.to !== 'string' ? undefined : to,
      guard: ({ context, event }) => checks(context, event, state) && (typeof spec.to === 'string' || spec.to(event.payload, { ...context.item, state, data: context.data }, event) === to),
      actions: assign(({ context, event }) => record(context, event, state, to)),
    }));
  }
  xStates[state] = disputeLoop.states[state].final ? { type: 'final', on } : { on };
}
const machine = createMachine({
  id: 'dispute',
  initial: 'received',
  // The pure transition runs this with input undefined: hence `input?.`.
  context: ({ input }) => ({ item: input?.item ?? initial, data: input?.item?.data ?? initial.data, history: initial.history, deadline: initial.deadline, updatedAt: initial.updatedAt }),
  states: xStates,
});
const [xInitial] = initialTransition(machine, { item: initial });

function runXstatePure(steps) {
  let done = 0;
  let accepted = 0;
  while (done < steps) {
    for (const lifecycle of LIFECYCLES) {
      let s = xInitial;
      for (const event of lifecycle) {
        const [next] = xTransition(machine, s, event);
        if (next !== s && next.context !== s.context) accepted++;
        s = next;
        if (++done === steps) return accepted;
      }
    }
  }
  return accepted;
}

function runXstateActor(steps) {
  let done = 0;
  let length = 0;
  while (done < steps) {
    for (const lifecycle of LIFECYCLES) {
      // One actor per dispute, started from the same accepted state (as ours reuses `initial`).
      const actor = createActor(machine, { input: { item: initial } }).start();
      for (const event of lifecycle) {
        actor.send(event);
        if (++done === steps) return length + actor.getSnapshot().context.history.length;
      }
      length += actor.getSnapshot().context.history.length;
      actor.stop();
    }
  }
  return length;
}

// The floor: a transition table, a role check, a new record with its history appended.
const TABLE = {};
for (const [type, spec] of Object.entries(specs)) {
  for (const from of spec.from) (TABLE[from] ??= {})[type] = { roles: new Set(spec.roles), to: typeof spec.to === 'string' ? spec.to : null };
}
function bareStep(s, e) {
  const row = TABLE[s.state]?.[e.type];
  if (!row || !row.roles.has(e.actor.role)) return null;
  const to = row.to ?? (e.type === 'recordFollowUp' ? (e.payload.agreementKept === false || e.payload.satisfaction === 'dissatisfied' ? 'mediating' : 'pendingWriteOff') : s.state);
  const history = s.history.slice();
  history.push({ seq: history.length, type: e.type, actor: e.actor, at: e.at, from: s.state, to, payload: e.payload });
  return { loop: s.loop, id: s.id, state: to, data: s.data, history, createdAt: s.createdAt, updatedAt: e.at };
}
function runBare(steps) {
  let done = 0;
  let accepted = 0;
  while (done < steps) {
    for (const lifecycle of LIFECYCLES) {
      let s = initial;
      for (const event of lifecycle) {
        const next = bareStep(s, event);
        if (next) { s = next; accepted++; }
        if (++done === steps) return accepted;
      }
    }
  }
  return accepted;
}

export default {
  name: 'loop-dispute',
  unit: 'ms / 1M transitions',
  description: '1,000,000 dispute transitions (guards, payload schemas, history, deadlines) vs XState v5 and a bare table',
  run() {
    // The contenders agree: the same accepted transitions per cycle.
    const expected = runOurs(PER_CYCLE);
    for (const [name, fn] of [['xstate pure', runXstatePure], ['bare table', runBare]]) {
      if (fn(PER_CYCLE) !== expected) throw new Error(`${name} does not accept the same ${expected} transitions`);
    }
    // All four interleaved in each round, so that they share the machine's load; XState on fewer
    // steps, scaled to 1M.
    const t = timeSideBySide(
      { ours: () => runOurs(N), bare: () => runBare(N), actor: () => runXstateActor(ACTOR_STEPS), pure: () => runXstatePure(PURE_STEPS) },
      { runs: 5, warmup: 1 },
    );
    return {
      ours: t.ours,
      peers: {
        'xstate transition (pure)': (t.pure * N) / PURE_STEPS,
        'xstate actor.send': (t.actor * N) / ACTOR_STEPS,
        'bare table (floor)': t.bare,
      },
      notes: {
        script: `${LIFECYCLES.length} lifecycles, ${PER_CYCLE} attempted transitions per cycle, ${expected} accepted (one refused by role)`,
        scaled: `XState pure transition timed on ${PURE_STEPS.toLocaleString('en')} steps and actor.send on ${ACTOR_STEPS.toLocaleString('en')}, scaled to 1M; ours and the bare table run the full 1M`,
        actors: 'XState actor: one actor created and started per dispute lifecycle (as one per item), included in its time',
        floor: 'bare table: lookup, role check and history append only — no payload validation, guards or deadlines',
        perStepOursNs: String(Math.round((t.ours * 1e6) / N)),
      },
    };
  },
};
