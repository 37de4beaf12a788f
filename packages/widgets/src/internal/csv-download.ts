/**
 * Offers a text file for download (a CSV export, say) through a Blob URL and a temporary link:
 * no inline script, no `innerHTML`, so it works under a strict CSP with Trusted Types.
 */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** What a widget's export event carries; calling `preventDefault()` on the event keeps the file from downloading. */
export interface ExportDetail {
  readonly filename: string;
  readonly csv: string;
  readonly rows: number;
}

/**
 * Emits a cancelable `bh-*-export` event from `host` with the CSV, then downloads it unless a
 * listener called `preventDefault()` (the host saves it its own way). Returns whether it downloaded.
 */
export function exportCsv(host: HTMLElement, type: string, detail: ExportDetail): boolean {
  const event = new CustomEvent<ExportDetail>(type, { detail, bubbles: true, composed: true, cancelable: true });
  if (!host.dispatchEvent(event)) return false;
  downloadText(detail.filename, detail.csv);
  return true;
}
