// Each widget's docs page opens with what it is in Chinese, then English (the JSDoc), then how to
// put it on a page: the npm import with its tag, and the one-script-tag form.
import { declarationOf, type Manifest } from './catalog.js';

/** 中文简介, and a minimal tag as a portal would write it. */
export const WIDGETS: Record<string, { zh: string; tag: string; store?: boolean }> = {
  'bh-business-liaison': { zh: '一企一警一助理：重点企业的联络民警与助理、走访记录、一窗受理事项及其工作日时限。', tag: '<bh-business-liaison page-size="20"></bh-business-liaison>', store: true },
  'bh-dispute-case': { zh: '一件纠纷的办理页：事实、时间线，以及当前角色此刻可以办理的动作。', tag: '<bh-dispute-case dispute-id="JF-2026-0001" viewer-role="mediator" viewer-id="m-01"></bh-dispute-case>', store: true },
  'bh-dispute-intake': { zh: '纠纷受理登记表：逐项校验、核对负面清单，保存并分派。', tag: '<bh-dispute-intake viewer-role="intake" viewer-id="c-01"></bh-dispute-intake>', store: true },
  'bh-dispute-ledger': { zh: '纠纷台账：按状态、部门、镇街、社区、渠道和是否逾期筛选，排序，显示化解率并导出 CSV；个人信息按角色脱敏。', tag: '<bh-dispute-ledger viewer-role="supervisor"></bh-dispute-ledger>', store: true },
  'bh-emergency-units': { zh: '最小应急单元：登记、汇总，并按“1-3-5 分钟”判定响应是否达标。', tag: '<bh-emergency-units station="城关派出所"></bh-emergency-units>', store: true },
  'bh-event-permits': { zh: '大型群众性活动安全许可：申报、跟踪，并显示无事故举办率。', tag: '<bh-event-permits viewer-role="applicant" viewer-id="org-01"></bh-event-permits>', store: true },
  'bh-job-fair': { zh: '出监前专场招聘会：企业、岗位和就业意向表，按条件匹配并说明理由。', tag: '<bh-job-fair fair="fair-2026-spring"></bh-job-fair>', store: true },
  'bh-law-quiz': { zh: '民法典大闯关：适合青少年、读屏可用的答题，附解析、得分和按班级统计。', tag: '<bh-law-quiz classroom="七年级一班"></bh-law-quiz>', store: true },
  'bh-law-report-scorecard': { zh: '述法评议评分表：按维度打分，检查是否完整，显示分项、总分与等次。', tag: '<bh-law-report-scorecard report-id="R-2026-01" assessor="评议人甲"></bh-law-report-scorecard>', store: true },
  'bh-rate-card': { zh: '比率卡：精确的完成率、化解率等，附分子分母的文字说明和与上期相比的百分点变化。', tag: '<bh-rate-card label="综治中心化解率" numerator="406" denominator="425"\n              numerator-label="化解" denominator-label="受理" unit="件"></bh-rate-card>' },
  'bh-rate-trend': { zh: '比率走势：按统计期画出化解率、完成率等（今年与去年对比），或各单位对照全县比率的柱图；数值另附表格，供读屏和打印。', tag: '<bh-rate-trend kind="line"></bh-rate-trend>' },
  'bh-supervision-orders': { zh: '督办单：发出、反馈、办结或重新督办，标出超期未反馈，按统计期查看。', tag: '<bh-supervision-orders viewer-role="issuer" viewer-unit="站前街道办事处"></bh-supervision-orders>', store: true },
  'bh-reception-issues': { zh: '企业家接待日问题清单：状态、满意度和办结率。', tag: '<bh-reception-issues viewer-role="coordinator"></bh-reception-issues>', store: true },
  'bh-rectification-ledger': { zh: '整改台账：按状态、责任单位和期限列出整改事项，逾期在前。', tag: '<bh-rectification-ledger viewer-role="supervisor"></bh-rectification-ledger>', store: true },
  'bh-sync-status': { zh: '同步状态：在线或离线、待同步件数、最近同步时间、登录人和辖区，以及服务器拒绝的原因。', tag: '<bh-sync-status></bh-sync-status>', store: true },
  'bh-task-checklist': { zh: '任务清单：民警一个月的任务，带提醒、进度，并可就地反馈。', tag: '<bh-task-checklist officer="officer-01" month="2026-12"></bh-task-checklist>', store: true },
  'bh-task-supervision': { zh: '任务督导：按单位统计完成情况，可逐级下钻，后进单位在前，可督办并导出 CSV。', tag: '<bh-task-supervision month="2026-12"></bh-task-supervision>', store: true },
  'bh-attachments': { zh: '附件：照片、签字协议扫描件、告知书，选择或拖放添加，显示大小和 SHA-256，按规则删除。', tag: '<bh-attachments item-kind="dispute" item-id="D-2026-0001" viewer="mediator-li"></bh-attachments>', store: true },
  'bh-print-document': { zh: '打印文书：人民调解协议书、受理登记表、回访记录、督办单、述法评议结果，A4 官方格式，留签名盖章处。', tag: '<bh-print-document document="agreement"></bh-print-document>' },
  'bh-notice-log': { zh: '通知记录：系统发给当事人、部门、中心、上级和承办人的通知，最新的在前，显示时间、接收方和内容。', tag: '<bh-notice-log></bh-notice-log>' },
  'bh-volunteer-log': { zh: '义警协助记录：花名册与协助登记，按类别统计次数和时长。', tag: '<bh-volunteer-log></bh-volunteer-log>', store: true },
};

const subpath = (tagName: string) => tagName.replace(/^bh-/, '');

/** The "how to embed this" section of `tagName`'s docs page (Markdown). */
export function embedSnippet(tagName: string): string {
  const w = WIDGETS[tagName];
  const tag = w?.tag ?? `<${tagName}></${tagName}>`;
  const store = w?.store
    ? "\n\n// 数据默认存在本浏览器的 IndexedDB；也可以传入自己的 store：\n// By default the data live in this browser's IndexedDB; or give it a store:\n// document.querySelector('" + tagName + "').store = createMemoryStore(…);"
    : '';
  return [
    '### 嵌入 How to embed',
    '',
    '用 npm 和打包工具 · With npm and a bundler:',
    '',
    '```ts',
    `import '@bihuan/widgets/${subpath(tagName)}';   // 只注册 <${tagName}> · registers <${tagName}> only${store}`,
    '```',
    '',
    '```html',
    `<html lang="zh-CN">   <!-- 或 lang="en" · or lang="en" -->`,
    tag,
    '```',
    '',
    '一个 script 标签，无需构建 · One script tag, no build (copy `node_modules/@bihuan/widgets/dist/cdn/` to your site):',
    '',
    '```html',
    `<script type="module" src="/static/bihuan/bh-${subpath(tagName)}.js"></script>`,
    tag,
    '```',
  ].join('\n');
}

/** The docs page's description: 中文 first, then the widget's JSDoc (English), then how to embed it. */
export function componentDescription(manifest: Manifest, tagName: string): string {
  const d = declarationOf(manifest, tagName);
  const zh = WIDGETS[tagName]?.zh;
  return [zh, d?.description, embedSnippet(tagName)].filter(Boolean).join('\n\n');
}
