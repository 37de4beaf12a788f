// Collections shared by the store contract suite, the fault tests and the bench: a task-order
// ledger (S1) and a loop-snapshot collection (S8 disputes), with the indexes the issue names.
import { z } from 'zod';
import { defineStore, personal, type Migration } from '@bihuan/core';

export const TaskOrder = z.object({
  id: z.string().min(1),
  title: z.string(),
  state: z.enum(['dispatched', 'fedBack', 'done', 'overdue']),
  owner: z.string(),
  unit: z.string(),
  period: z.string().regex(/^\d{4}-\d{2}$/),
  dueAt: z.string(),
  officerName: personal('name', z.string()).optional(),
  officerPhone: personal('phone', z.string()).optional(),
  /** An external reference, unique when present. */
  ref: z.string().optional(),
  priority: z.number().int().default(0),
});
export type TaskOrder = z.output<typeof TaskOrder>;

const HistoryEntry = z.object({
  seq: z.number().int(),
  type: z.string(),
  actor: z.object({ id: z.string(), role: z.string() }),
  at: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  note: z.string().optional(),
  attachments: z.array(z.string()).optional(),
  payload: z.unknown().optional(),
});

export const Snapshot = z.object({
  loop: z.object({ id: z.string(), version: z.number() }),
  id: z.string(),
  state: z.string(),
  data: z.record(z.string(), z.unknown()),
  history: z.array(HistoryEntry),
  deadline: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Snapshot = z.output<typeof Snapshot>;

export const collections = {
  tasks: {
    schema: TaskOrder,
    key: 'id',
    indexes: {
      state: 'state',
      owner: 'owner',
      unit: 'unit',
      period: 'period',
      dueAt: 'dueAt',
      unitPeriod: ['unit', 'period'],
      ref: { path: 'ref', unique: true },
    },
  },
  disputes: { schema: Snapshot, key: 'id', indexes: { state: 'state' }, createOnly: true },
} as const;

let counter = 0;
/** A fresh database name per test, so tests never share data. */
export function uniqueName(prefix = 'bihuan-test'): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export function taskSpec(name = uniqueName(), migrations: readonly Migration[] = []) {
  return defineStore({ name, collections, migrations });
}

const UNITS = ['海港分局', '北戴河分局', '山海关分局'];
const STATES = ['dispatched', 'fedBack', 'done', 'overdue'] as const;

/** n task orders, deterministic, spread over owners, units, states and due dates. */
export function makeTasks(n: number, from = 0): TaskOrder[] {
  const out: TaskOrder[] = [];
  for (let i = from; i < from + n; i++) {
    out.push({
      id: `T${String(i).padStart(6, '0')}`,
      title: `社区警务任务 ${i}`,
      state: STATES[i % 4]!,
      owner: `officer-${i % 7}`,
      unit: UNITS[i % 3]!,
      period: `2025-${String((i % 12) + 1).padStart(2, '0')}`,
      dueAt: new Date(Date.UTC(2025, 0, 1) + (i % 365) * 86_400_000 + 9 * 3600_000).toISOString(),
      officerName: '陈明',
      officerPhone: '13812341234',
      priority: i % 3,
    });
  }
  return out;
}

/** A dispute snapshot in the engine's shape, just accepted. */
export function makeDispute(id: string): Snapshot {
  const at = '2025-03-01T09:00:00+08:00';
  return {
    loop: { id: 'dispute', version: 1 },
    id,
    state: 'received',
    data: { title: '楼上噪音' },
    history: [{ seq: 0, type: '@create', actor: { id: 'm1', role: 'mediator' }, at, from: null, to: 'received' }],
    createdAt: at,
    updatedAt: at,
  };
}

/** A tiny stand-in transition (received → routed → closed), refusing anything else. */
export function simpleStep(snapshot: Snapshot, event: { type: string; actor: { id: string; role: string }; at: string }) {
  const next: Record<string, Record<string, string>> = { received: { route: 'routed' }, routed: { close: 'closed' } };
  const to = next[snapshot.state]?.[event.type];
  if (!to) return { ok: false as const, reason: { code: 'not_allowed', message: { 'zh-CN': '当前状态不允许该操作', en: 'not allowed in this state' } } };
  const seq = snapshot.history.length;
  return {
    ok: true as const,
    snapshot: {
      ...snapshot,
      state: to,
      updatedAt: event.at,
      history: [...snapshot.history, { seq, type: event.type, actor: event.actor, at: event.at, from: snapshot.state, to }],
    },
  };
}
