export {
  ATTACHMENT_TYPES,
  ATTACHMENT_MEDIA_TYPES,
  ATTACHMENT_RULES,
  MAX_ATTACHMENT_BYTES,
  AttachmentSchema,
  AttachmentItemSchema,
  attachmentTypeName,
  checkFile,
  checkDuplicate,
  checkAgreementScan,
  checkEvidencePhotos,
  liveAttachments,
  type Attachment,
  type AttachmentInput,
  type AttachmentItem,
  type AttachmentType,
  type AttachmentRule,
} from '../schema/attachment.js';
export { sha256Of, hashPrefix, formatBytes } from './hash.js';
export { ATTACHMENT_STORE_NAME, attachmentCollections, attachmentStoreSpec, createAttachmentStoreSpec, type AttachmentCollections, type AttachmentStore } from './store.js';
export {
  addAttachment,
  removeAttachment,
  listAttachments,
  readAttachment,
  AddAttachmentInputSchema,
  RemoveAttachmentInputSchema,
  ATTACHMENT_REMOVER_ROLES,
  type AddAttachmentInput,
  type RemoveAttachmentInput,
  type RemoveAttachmentOptions,
} from './attach.js';
export { ATTACHMENT_EVENTS, attachmentRuleOf, attachmentRuleOfKind, eventNeedsAttachments, checkWithdrawal, checkRemoval } from './rules.js';
export { PERSONAL_ATTACHMENT_TYPES, attachmentHoldsPersonalData, attachmentWithheld, attachmentFormat, maskAttachment, attachmentsAsSeen, attachmentLabel } from './privacy.js';
