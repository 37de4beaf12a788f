import type { Locale } from '@bihuan/core/schema';

const zhCN = {
  region: '附件',
  loading: '正在读取附件…',
  empty: '暂无附件。',
  caption: (n: number) => `附件（${n} 个）`,
  addTitle: '添加附件',
  type: '附件类型',
  types: { photo: '照片', agreementScan: '协议扫描件（已签字）', notice: '告知书', other: '其他材料' },
  pick: '选择文件',
  drop: '或将文件拖放到此处',
  limits: '单个文件不超过 20 MB；照片为 JPG、PNG、WebP 或 HEIC，协议扫描件为 PDF 或图片。',
  columns: { name: '文件名', type: '类型', size: '大小', hash: 'SHA-256（前 12 位）', by: '上传人', at: '上传时间', actions: '操作' },
  remove: (name: string) => `删除“${name}”`,
  removeShort: '删除',
  added: (name: string) => `已添加“${name}”。`,
  removed: (name: string) => `已删除“${name}”。`,
  refusedTitle: '以下文件未能添加',
  noViewer: '未指定当前用户（viewer），只能查看附件。',
};
export type AttachmentsMessages = typeof zhCN;
const en: AttachmentsMessages = {
  region: 'Attachments',
  loading: 'Loading attachments…',
  empty: 'No attachments yet.',
  caption: (n: number) => `Attachments (${n})`,
  addTitle: 'Add an attachment',
  type: 'Type',
  types: { photo: 'Photo', agreementScan: 'Agreement scan (signed)', notice: 'Notice', other: 'Other file' },
  pick: 'Choose files',
  drop: 'Or drop files here',
  limits: 'At most 20 MB a file; a photo is JPG, PNG, WEBP or HEIC, an agreement scan a PDF or image.',
  columns: { name: 'File', type: 'Type', size: 'Size', hash: 'SHA-256 (first 12)', by: 'Added by', at: 'Added', actions: 'Actions' },
  remove: (name: string) => `Remove "${name}"`,
  removeShort: 'Remove',
  added: (name: string) => `Added "${name}".`,
  removed: (name: string) => `Removed "${name}".`,
  refusedTitle: 'These files were not added',
  noViewer: 'No viewer is set: attachments can only be viewed.',
};
export const attachmentsMessages: Record<Locale, AttachmentsMessages> = { 'zh-CN': zhCN, en };
