import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { guard, oneOfGuard, stringListGuard, textGuard } from '../../internal/guard.js';
import { disputeLoop } from '@bihuan/core/dispute';
import { supervisionLoop } from '@bihuan/core/supervision';
import { seesPersonalData } from '../../internal/dispute-view.js';
import { viewerItem } from '../../internal/masking.js';
import { themeStyles } from '../../internal/styles.js';
import { formStyles } from '../../internal/form-styles.js';
import type { BihuanElementEventMap, AddTypedListener, RemoveTypedListener } from '../../events.js';
import { printDocumentMessages } from './print-document.messages.js';
import { printStyles } from './print-document.styles.js';
import { agreementDocument } from './documents/agreement.js';
import { intakeFormDocument } from './documents/intake-form.js';
import { followUpDocument } from './documents/follow-up.js';
import { supervisionOrderDocument } from './documents/supervision-order.js';
import { lawReportDocument } from './documents/law-report.js';
import type { DocumentOptions } from './documents/types.js';

export type { LawReportRecord } from './documents/law-report.js';

/** The documents it prints. */
export const PRINT_DOCUMENTS = ['agreement', 'intake', 'followUp', 'supervision', 'lawReport'] as const;
export type PrintDocumentKind = (typeof PRINT_DOCUMENTS)[number];

/** The loop whose data schema marks what is personal in each document's record (none for the law report: it names units and office holders, not private people). */
type Masking = { readonly data: Parameters<typeof viewerItem>[0]['data'] } | undefined;
const LAYOUTS: Record<PrintDocumentKind, { title: string; org: string; render: (record: unknown, o: DocumentOptions) => TemplateResult; masking: Masking }> = {
  agreement: { title: '人民调解协议书', org: '人民调解委员会', render: agreementDocument, masking: disputeLoop },
  intake: { title: '矛盾纠纷受理登记表', org: '综治中心', render: intakeFormDocument, masking: disputeLoop },
  followUp: { title: '矛盾纠纷回访记录', org: '综治中心', render: followUpDocument, masking: disputeLoop },
  supervision: { title: '督办单', org: '', render: supervisionOrderDocument, masking: supervisionLoop },
  lawReport: { title: '述法评议结果通知书', org: '述法评议委员会', render: lawReportDocument, masking: undefined },
};

/**
 * What is printed is what the viewer may see. A viewer whose role may see personal data in clear
 * (`viewer-role` among `personalDataRoles`, core's `DISPUTE_PERSONAL_DATA_ROLES` by default: the
 * intake clerk and the mediator, who meet the parties and have them sign the agreement) prints
 * full names, phone numbers, ID numbers and addresses; anyone else — no role given, a supervisor,
 * a department's liaison — prints them masked as every view shows them (陈*国, 139****0123), by
 * the record's own schema (`maskRecord`). The record itself is never changed.
 */
function printable(kind: PrintDocumentKind, record: object, clear: boolean): object {
  const masking = LAYOUTS[kind].masking;
  if (clear || !masking || !('data' in record) || record.data === null || typeof record.data !== 'object') return record;
  return viewerItem(masking, record as { data: unknown }, false);
}

/**
 * One official document, filled from its record, as an A4 sheet in the official layout with places
 * for signatures and seals: 人民调解协议书 (`agreement`), 受理登记表 (`intake`) and 回访记录
 * (`followUp`) from a dispute, 督办单 (`supervision`) from a supervision order, 述法评议结果
 * (`lawReport`) from an evaluation's score. On screen a paper preview with a print button; printed
 * (`@media print`), only the sheet. The document is in Chinese whatever the page's language.
 * Personal data print as the viewer may see them (`viewer-role`): in clear for a role that may
 * see them, masked otherwise.
 *
 * @tagname bh-print-document
 * @summary An official document (mediation agreement, intake form, follow-up record, supervision order, evaluation result) as an A4 print view.
 *
 * @csspart toolbar - The print button (not printed).
 * @csspart sheet - The A4 sheet.
 * @csspart problem - The in-place message when the record cannot fill the document.
 *
 * @cssprop [--bh-color-accent=#0b5cad] - The print button.
 *
 * @attr {string} viewer-role - The role of whoever prints (`intakeClerk`, `mediator`, `supervisor` …): names, phone and ID numbers print in clear only for a role that may see personal data; masked otherwise and when absent.
 *
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The record cannot fill the document.
 */
export class BhPrintDocument extends BihuanElement {
  static override styles = [themeStyles, formStyles, printStyles];

  static override properties: PropertyDeclarations = {
    document: { reflect: true, guard: oneOfGuard(PRINT_DOCUMENTS) },
    record: { attribute: false, guard: guard({ 'zh-CN': '记录对象', en: 'a record object' }, (v) => typeof v === 'object' && v !== null && !Array.isArray(v)) },
    org: { guard: textGuard(60) },
    viewerRole: { attribute: 'viewer-role', guard: textGuard(60) },
    personalDataRoles: { attribute: false, guard: stringListGuard({ 'zh-CN': '角色名的数组', en: 'an array of role names' }) },
  };

  /** Which document: `agreement` (default), `intake`, `followUp`, `supervision`, `lawReport`. */
  document: PrintDocumentKind = 'agreement';
  /** The record it is filled from: a dispute (`agreement`, `intake`, `followUp`), a supervision order, an evaluation result. */
  record?: object;
  /** The issuing body printed by the seal (振兴区人民调解委员会); the document's usual body when absent. */
  org?: string;
  /** The role of whoever prints: personal data print in clear only for a role that may see them (`personalDataRoles`); masked otherwise, and when absent. */
  viewerRole?: string;
  /** Roles that print personal data in clear (core's `DISPUTE_PERSONAL_DATA_ROLES` by default). */
  personalDataRoles?: readonly string[];

  /** Whether this viewer prints personal data in clear. */
  get clear(): boolean {
    return seesPersonalData(this.viewerRole, this.personalDataRoles);
  }

  protected override renderContent(): unknown {
    const t = printDocumentMessages[this.locale];
    const layout = LAYOUTS[this.document];
    if (!this.record) return html`<p class="empty">${layout.title}：—</p>`;
    const clear = this.clear;
    const sheet = layout.render(printable(this.document, this.record, clear), { org: this.org ?? layout.org });
    const masked = !clear && layout.masking !== undefined;
    return html`<div class="frame"><div class="toolbar" part="toolbar"><button type="button" @click=${() => globalThis.print?.()}>${t.print}</button><span class="note">${t.note}${masked ? ` ${t.masked}` : ''}</span></div>
      <article class="sheet" part="sheet" lang="zh-CN" aria-label=${t.region(layout.title)}>${sheet}</article></div>`;
  }
}

/** The events `<bh-print-document>` fires (only `bh-problem`). */
export type BhPrintDocumentEventMap = BihuanElementEventMap;

export interface BhPrintDocument { addEventListener: AddTypedListener<BhPrintDocument, BhPrintDocumentEventMap>; removeEventListener: RemoveTypedListener<BhPrintDocument, BhPrintDocumentEventMap> }
