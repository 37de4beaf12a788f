import type { Locale } from '@bihuan/core/schema';

// The toolbar speaks the reader's language; the documents themselves are official forms in Chinese.
const zhCN = {
  print: '打印',
  region: (title: string) => `打印预览：${title}`,
  note: '文书按官方格式以中文填写，A4 纸打印。',
  masked: '当事人个人信息已按您的查看权限遮蔽。',
};
export type PrintDocumentMessages = typeof zhCN;
const en: PrintDocumentMessages = {
  print: 'Print',
  region: (title: string) => `Print preview: ${title}`,
  note: 'Official forms are filled in Chinese and printed on A4.',
  masked: 'Personal data are masked: your role may not see them in clear.',
};
export const printDocumentMessages: Record<Locale, PrintDocumentMessages> = { 'zh-CN': zhCN, en };
