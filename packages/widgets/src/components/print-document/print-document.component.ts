import { html, type PropertyDeclarations, type TemplateResult } from 'lit';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { guard, oneOfGuard, textGuard } from '../../internal/guard.js';
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

const LAYOUTS: Record<PrintDocumentKind, { title: string; org: string; render: (record: unknown, o: DocumentOptions) => TemplateResult }> = {
  agreement: { title: '人民调解协议书', org: '人民调解委员会', render: agreementDocument },
  intake: { title: '矛盾纠纷受理登记表', org: '综治中心', render: intakeFormDocument },
  followUp: { title: '矛盾纠纷回访记录', org: '综治中心', render: followUpDocument },
  supervision: { title: '督办单', org: '', render: supervisionOrderDocument },
  lawReport: { title: '述法评议结果通知书', org: '述法评议委员会', render: lawReportDocument },
};

/**
 * One official document, filled from its record, as an A4 sheet in the official layout with places
 * for signatures and seals: 人民调解协议书 (`agreement`), 受理登记表 (`intake`) and 回访记录
 * (`followUp`) from a dispute, 督办单 (`supervision`) from a supervision order, 述法评议结果
 * (`lawReport`) from an evaluation's score. On screen a paper preview with a print button; printed
 * (`@media print`), only the sheet. The document is in Chinese whatever the page's language.
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
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The record cannot fill the document.
 */
export class BhPrintDocument extends BihuanElement {
  static override styles = [themeStyles, formStyles, printStyles];

  static override properties: PropertyDeclarations = {
    document: { reflect: true, guard: oneOfGuard(PRINT_DOCUMENTS) },
    record: { attribute: false, guard: guard({ 'zh-CN': '记录对象', en: 'a record object' }, (v) => typeof v === 'object' && v !== null && !Array.isArray(v)) },
    org: { guard: textGuard(60) },
  };

  /** Which document: `agreement` (default), `intake`, `followUp`, `supervision`, `lawReport`. */
  document: PrintDocumentKind = 'agreement';
  /** The record it is filled from: a dispute (`agreement`, `intake`, `followUp`), a supervision order, an evaluation result. */
  record?: object;
  /** The issuing body printed by the seal (振兴区人民调解委员会); the document's usual body when absent. */
  org?: string;

  protected override renderContent(): unknown {
    const t = printDocumentMessages[this.locale];
    const layout = LAYOUTS[this.document];
    if (!this.record) return html`<p class="empty">${layout.title}：—</p>`;
    const sheet = layout.render(this.record, { org: this.org ?? layout.org });
    return html`<div class="frame"><div class="toolbar" part="toolbar"><button type="button" @click=${() => globalThis.print?.()}>${t.print}</button><span class="note">${t.note}</span></div>
      <article class="sheet" part="sheet" lang="zh-CN" aria-label=${t.region(layout.title)}>${sheet}</article></div>`;
  }
}

/** The events `<bh-print-document>` fires (only `bh-problem`). */
export type BhPrintDocumentEventMap = BihuanElementEventMap;

export interface BhPrintDocument { addEventListener: AddTypedListener<BhPrintDocument, BhPrintDocumentEventMap>; removeEventListener: RemoveTypedListener<BhPrintDocument, BhPrintDocumentEventMap> }
