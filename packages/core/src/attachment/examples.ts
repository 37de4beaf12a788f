import type { Attachment } from '../schema/attachment.js';

/**
 * EXAMPLES, NOT REAL FILES: attachment records of an illustrative dispute and task order (the
 * hashes are of the example texts, not of any real scan or photo).
 */
export const exampleAttachments: readonly Attachment[] = [
  {
    id: 'att-dsp-0001-agreement',
    item: { kind: 'dispute', id: 'DSP-2026-0001' },
    type: 'agreementScan',
    name: '人民调解协议书（签字版）.pdf',
    size: 482_133,
    mediaType: 'application/pdf',
    sha256: '5f2b1c0e8a9d4e3f7b6a5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f',
    addedBy: { id: 'mediator-li', role: 'mediator', name: '李调解员', unit: '振兴区综治中心' },
    addedAt: '2026-11-20T15:12:00+08:00',
  },
  {
    id: 'att-dsp-0001-photo-1',
    item: { kind: 'dispute', id: 'DSP-2026-0001' },
    type: 'photo',
    name: '现场照片-楼道.jpg',
    size: 1_845_020,
    mediaType: 'image/jpeg',
    sha256: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90',
    addedBy: { id: 'grid-wang', role: 'gridWorker', name: '王网格员' },
    addedAt: '2026-11-18T10:03:00+08:00',
  },
];
