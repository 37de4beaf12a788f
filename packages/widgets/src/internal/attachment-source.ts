// Where a record-holding widget finds its items' attachments: the host's attachment store, else
// the widget's own store when it keeps attachments too, else the default IndexedDB attachment
// store — the one `<bh-attachments>` opens when it is given none, so that the panel a widget shows
// and the rule its store path checks read the same files.
import { type AttachmentCollections, attachmentStoreSpec } from '@bihuan/core/attachment';
import type { Store } from '@bihuan/core/store';
import { defaultStore } from './store-controller.js';
import { syncOf } from './session.js';
import type { AttachmentFetcher } from '../components/attachments/attachments.component.js';

type AttachmentStore = Store<AttachmentCollections>;

/** The store to hand `<bh-attachments>` (undefined: it opens the default one itself). */
export function attachmentPanelStore(explicit: AttachmentStore | undefined, own: unknown): AttachmentStore | undefined {
  if (explicit) return explicit;
  const s = own as AttachmentStore | undefined;
  return s?.spec && Object.hasOwn(s.spec.collections, 'attachments') ? s : undefined;
}

/** The store the attachment rules read (`options.attachments` of `applyDisputeEvent` / `applyTaskEvent`). */
export async function attachmentSource(explicit: AttachmentStore | undefined, own: unknown): Promise<AttachmentStore> {
  return attachmentPanelStore(explicit, own) ?? defaultStore(attachmentStoreSpec);
}

/** The sync control of a widget's synced store, for its `<bh-attachments>` to fetch files added on other devices; undefined for a local store. */
export function attachmentFetcher(store: unknown): AttachmentFetcher | undefined {
  const sync = syncOf(store) as (ReturnType<typeof syncOf> & Partial<AttachmentFetcher>) | undefined;
  return typeof sync?.fetchFile === 'function' ? (sync as AttachmentFetcher) : undefined;
}
