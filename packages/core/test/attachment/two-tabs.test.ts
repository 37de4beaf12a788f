// Two real Chromium tabs (two pages of one browser context: one origin, one IndexedDB) attaching
// the same file to the same item at the same moment, round after round: each time exactly one
// record and one blob, the other tab refused `duplicate_attachment`, nothing of it left behind.
// Needs the built core (`pnpm --filter @bihuan/core build`).
import { expect, test } from 'vitest';
import { useTabs } from '../store/tabs.js';

const PAGE = `
import { addAttachment, attachmentStoreSpec, createIndexedDbStore, listAttachments } from '@bihuan/core';
const item = (round) => ({ kind: 'dispute', id: 'D-2026-' + String(round).padStart(4, '0') });
const file = (round) => new File([new Uint8Array(200000).map((_, i) => (i * 31 + round) & 255)], '调解协议书.pdf', { type: 'application/pdf' });
// Opens the store and reads the file first, then starts adding at the agreed moment.
globalThis.attach = async (tab, round, startAt) => {
  const store = await createIndexedDbStore(attachmentStoreSpec);
  const f = file(round);
  while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 1));
  try {
    const r = await addAttachment(store, { id: tab + '-' + round, item: item(round), type: 'agreementScan', addedBy: { id: 'mediator-' + tab, role: 'mediator' }, addedAt: '2026-11-02T09:00:00+08:00' }, f);
    return r.ok ? { ok: true, id: r.value.id } : { ok: false, rule: r.reason.rule };
  } finally {
    store.close();
  }
};
globalThis.inspect = async (round) => {
  const store = await createIndexedDbStore(attachmentStoreSpec);
  const records = await listAttachments(store, item(round));
  const blobs = {};
  for (const id of ['a-' + round, 'b-' + round]) blobs[id] = (await store.getBlob(id))?.size ?? null;
  store.close();
  return { records: records.map((r) => r.id), blobs };
};
globalThis.ready = true;
`;

const opened = useTabs(PAGE);

test('two tabs attach the same file to the same item at once: one record, one blob, the other refused', async () => {
  const t = opened();
  const [a, b] = t.tabs;
  for (let round = 1; round <= 8; round++) {
    const startAt = Date.now() + 400;
    const [ra, rb] = await Promise.all([t.call<{ ok: boolean; id?: string; rule?: string }>(a, 'attach', 'a', round, startAt), t.call<{ ok: boolean; id?: string; rule?: string }>(b, 'attach', 'b', round, startAt)]);
    const results = [ra, rb];
    expect(results.filter((r) => r.ok), `round ${round}`).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, rule: 'duplicate_attachment' });
    const winner = results.find((r) => r.ok)!.id!;
    const loser = winner.startsWith('a-') ? `b-${round}` : `a-${round}`;
    const seen = await t.call<{ records: string[]; blobs: Record<string, number | null> }>(b, 'inspect', round);
    expect(seen.records).toEqual([winner]);
    expect(seen.blobs).toEqual({ [winner]: 200_000, [loser]: null });
  }
}, 180_000);
