// A record-holding widget's print button and the preview it opens: `<bh-print-document>` filled
// from the widget's record, as the viewer may see it (the document masks personal data for a role
// that may not see them). One preview open at a time, under the buttons; the button says whether
// it is open (`aria-expanded`) and which region it controls, and opening moves focus to the
// preview's own print button.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '@bihuan/core/schema';
import '../components/print-document/define.js';

export const PRINT_VIEW_ID = 'print-view';

/** The button that opens (or closes) one document's preview. */
export function printButton(key: string, label: string, open: boolean, toggle: () => void): TemplateResult {
  return html`<button type="button" data-print=${key} aria-expanded=${open ? 'true' : 'false'} aria-controls=${PRINT_VIEW_ID} @click=${toggle}>${label}</button>`;
}

export interface PreviewOptions {
  readonly document: 'agreement' | 'intake' | 'followUp' | 'supervision' | 'lawReport';
  readonly record: object;
  readonly locale: Locale;
  readonly viewerRole?: string;
  readonly personalDataRoles?: readonly string[];
  readonly org?: string;
}

/** The open document, filled from the record. */
export function printPreview(o: PreviewOptions): TemplateResult {
  return html`<bh-print-document id=${PRINT_VIEW_ID} part="print-view" class="print-view" lang=${o.locale} document=${o.document} .record=${o.record} viewer-role=${o.viewerRole || nothing}
    org=${o.org ?? nothing} .personalDataRoles=${o.personalDataRoles}></bh-print-document>`;
}

/** Moves focus to the open preview's print button once it has rendered. */
export async function focusPreview(root: ParentNode): Promise<void> {
  const preview = root.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>(`#${PRINT_VIEW_ID}`);
  await preview?.updateComplete;
  preview?.shadowRoot?.querySelector<HTMLElement>('button')?.focus();
}
