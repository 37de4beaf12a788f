import { defineStore } from '../store/spec.js';
import type { Store } from '../store/types.js';
import { AttachmentSchema } from '../schema/attachment.js';

/** The database the attachment widgets use when the host gives them no store. */
export const ATTACHMENT_STORE_NAME = 'bihuan-attachments';

/** Attachment records keyed by id, by item (kind and id) and by hash; their bytes are the store's blobs. */
export const attachmentCollections = {
  attachments: { schema: AttachmentSchema, key: 'id', indexes: { item: ['item.kind', 'item.id'], sha256: 'sha256' } },
} as const;
export type AttachmentCollections = typeof attachmentCollections;

/** The attachments' `StoreSpec` (`bihuan-attachments`, or another name for a tenant). */
export function createAttachmentStoreSpec(name: string = ATTACHMENT_STORE_NAME) {
  return defineStore({ name, collections: attachmentCollections });
}
export const attachmentStoreSpec = /* @__PURE__ */ createAttachmentStoreSpec();
export type AttachmentStore = Store<AttachmentCollections>;
