import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { createMemoryStore, disputeStoreSpec } from '@bihuan/core';
import '@bihuan/widgets/sync-status';
import type { SyncRefusalLike, SyncStateLike } from '../packages/widgets/src/internal/session.js';
import { SESSIONS, fakeSyncedStore } from './support/synced-store.js';

interface SyncStatusArgs {
  lang?: string;
  /** Not a synced store: the widget says the store is local only. */
  local?: boolean;
  signedOut?: boolean;
  state?: Partial<SyncStateLike>;
}

const refusal = (key: string, mutationId: string): SyncRefusalLike => ({
  collection: 'disputes',
  key,
  mutationId,
  code: 'guard_failed',
  rule: 'state',
  message: { 'zh-CN': '该纠纷已由他人进入调解，不能再分流。', en: 'Someone else has already started mediation on this dispute; it cannot be routed again.' },
  event: { type: 'route', actor: { id: 'mediator-zhao', name: '赵敏' } },
  at: '2025-11-20T09:58:00+08:00',
});

const meta: Meta<SyncStatusArgs> = {
  title: 'Widgets/Sync status 同步状态',
  component: 'bh-sync-status',
  render: (a) => html`<bh-sync-status
    lang=${a.lang ?? nothing}
    .store=${a.local ? createMemoryStore(disputeStoreSpec) : fakeSyncedStore(createMemoryStore(disputeStoreSpec), a.signedOut ? undefined : SESSIONS.mediator2, a.state)}
  ></bh-sync-status>`,
};
export default meta;
type Story = StoryObj<SyncStatusArgs>;

/** A store that is not synced: nothing to show but that. */
export const Empty: Story = { args: { local: true } };

/** Online, everything sent. */
export const Typical: Story = { args: { state: { online: true, pending: 0, lastSyncAt: '2025-11-20T09:59:30+08:00' } } };

/** Offline on a station computer, three actions waiting in the outbox. */
export const Offline: Story = { args: { state: { online: false, pending: 3, lastSyncAt: '2025-11-20T08:12:00+08:00' } } };

/** Many refusals waiting to be read (someone else acted first on each). */
export const Large: Story = {
  args: { state: { online: true, pending: 12, lastSyncAt: '2025-11-20T09:59:30+08:00', refusals: Array.from({ length: 8 }, (_, i) => refusal(`JF-20251110-04${String(i).padStart(2, '0')}`, `m-${i}`)) } },
};

/** The server refused one action. */
export const Refused: Story = { args: { state: { online: true, pending: 0, lastSyncAt: '2025-11-20T09:59:30+08:00', refusals: [refusal('JF-20251110-0425', 'm-1')] } } };

/** The sync loop failed (the sign-in expired). */
export const Invalid: Story = {
  args: { signedOut: true, state: { online: true, pending: 2, error: { code: 'unauthorized', message: { 'zh-CN': '登录已过期，请重新登录。', en: 'Your sign-in has expired; sign in again.' } } } },
};

export const English: Story = { args: { lang: 'en', state: { online: false, pending: 1, refusals: [refusal('JF-20251110-0425', 'm-1')] } } };
