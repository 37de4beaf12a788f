import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { attachmentStoreSpec, type Attachment } from '@bihuan/core';
import { exampleAttachments } from '@bihuan/core/examples';
import { seededStore, unrelatedStore } from './support/seeded-store.js';
import '@bihuan/widgets/attachments';

interface AttachmentsArgs {
  lang?: string;
  viewer?: string;
  viewerRole?: string;
  readonly?: boolean;
  seed?: () => readonly Attachment[];
  wrongStore?: boolean;
}

const ITEM = 'DSP-2026-0001';

/** `n` attachments of the example dispute: photos from the site, scans, notices. */
function many(n: number): Attachment[] {
  const kinds = ['photo', 'agreementScan', 'notice', 'other'] as const;
  return Array.from({ length: n }, (_, i) => {
    const type = kinds[i % 4]!;
    const hex = (i * 2654435761 >>> 0).toString(16).padStart(8, '0');
    return {
      id: `att-${i + 1}`,
      item: { kind: 'dispute', id: ITEM },
      type,
      name: type === 'photo' ? `现场照片-${i + 1}.jpg` : type === 'agreementScan' ? `协议书扫描件-${i + 1}.pdf` : type === 'notice' ? `告知书-${i + 1}.pdf` : `材料-${i + 1}.docx`,
      size: 40_000 + i * 7_919,
      mediaType: type === 'photo' ? 'image/jpeg' : type === 'other' ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' : 'application/pdf',
      sha256: hex.repeat(8),
      addedBy: { id: i % 2 ? 'mediator-li' : 'grid-wang', role: i % 2 ? 'mediator' : 'gridWorker', name: i % 2 ? '李调解员' : '王网格员' },
      addedAt: new Date(Date.parse('2026-11-01T09:00:00+08:00') + i * 3_600_000).toISOString(),
    };
  });
}

const meta: Meta<AttachmentsArgs> = {
  title: 'Widgets/Attachments 附件',
  component: 'bh-attachments',
  render: (a) => html`<bh-attachments
    lang=${a.lang ?? nothing}
    item-kind="dispute"
    item-id=${ITEM}
    viewer=${a.viewer ?? nothing}
    viewer-role=${a.viewerRole ?? nothing}
    viewer-name="李调解员"
    ?readonly=${a.readonly}
    now="2026-11-20T10:00:00+08:00"
    .store=${a.wrongStore ? unrelatedStore() : seededStore(attachmentStoreSpec, { attachments: a.seed?.() ?? [] })}
  ></bh-attachments>`,
};
export default meta;
type Story = StoryObj<AttachmentsArgs>;

/** No files yet; the mediator may add some. */
export const Empty: Story = { args: { viewer: 'mediator-li' } };

/** The signed agreement's scan and a photo from the site; the mediator may remove what they added. */
export const Typical: Story = { args: { viewer: 'mediator-li', seed: () => exampleAttachments } };

/** 60 files on one case, as a supervisor (who may remove any). */
export const Large: Story = { args: { viewer: 'head-gao', viewerRole: 'supervisor', seed: () => many(60) } };

/** Read only: no viewer is given. */
export const ReadOnly: Story = { args: { seed: () => exampleAttachments } };

/** A store of another shape is refused in place. */
export const Invalid: Story = { args: { wrongStore: true } };

/** English. */
export const English: Story = { args: { lang: 'en', viewer: 'mediator-li', seed: () => exampleAttachments } };

/** A party's ID card photo among the case's files, as the mediator records it. */
const withPapers = (): Attachment[] => [
  ...exampleAttachments,
  {
    id: 'att-dsp-0001-id',
    item: { kind: 'dispute', id: ITEM },
    type: 'idDocument',
    name: '申请人身份证（示例）.jpg',
    size: 245_760,
    mediaType: 'image/jpeg',
    sha256: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0',
    addedBy: { id: 'mediator-li', role: 'mediator', name: '李调解员' },
    addedAt: '2026-11-19T09:30:00+08:00',
  },
];

/** As a county supervisor, who may not see the parties' personal data: files by number, format and size; papers and the agreement withheld. */
export const Supervisor: Story = { args: { viewer: 'head-gao', viewerRole: 'supervisor', seed: withPapers } };

/** The same in English. */
export const SupervisorEnglish: Story = { args: { lang: 'en', viewer: 'head-gao', viewerRole: 'supervisor', seed: withPapers } };
