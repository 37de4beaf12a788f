import { css } from 'lit';

/**
 * The print styles every document shares, once: an A4 sheet (210 × 297 mm, 20 mm margins) in the
 * official layout — a centred title in a Song face, the document number on the right, ruled
 * tables, and room for signatures, fingerprints and seals. On screen the sheet is a paper preview
 * under a toolbar; in print only the sheet remains.
 */
export const printStyles = css`
  :host {
    display: block;
    --_paper: #fff;
    --_ink: #111;
  }
  /* The container the narrow-screen rules ask (not the host: a host page may make the host inline). */
  .frame {
    container-type: inline-size;
  }
  .toolbar {
    display: flex;
    gap: var(--_space, 0.75rem);
    align-items: center;
    margin-block-end: var(--_space, 0.75rem);
  }
  .sheet {
    box-sizing: border-box;
    inline-size: min(210mm, 100%);
    min-block-size: 297mm;
    margin-inline: auto;
    padding: 16mm 18mm;
    background: var(--_paper);
    color: var(--_ink);
    border: 1px solid var(--_border, #767676);
    font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'Songti SC', serif;
    font-size: 12pt;
    line-height: 1.6;
  }
  h1 {
    text-align: center;
    font-size: 20pt;
    letter-spacing: 0.3em;
    margin: 0 0 4mm;
  }
  .number {
    text-align: end;
    margin: 0 0 4mm;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    margin-block: 3mm;
  }
  th,
  td {
    border: 1px solid var(--_ink);
    padding: 1.5mm 2mm;
    text-align: start;
    vertical-align: top;
  }
  th {
    font-weight: normal;
    white-space: nowrap;
    inline-size: 1%;
  }
  .box {
    border: 1px solid var(--_ink);
    padding: 2mm 3mm;
    min-block-size: 22mm;
    margin-block: 3mm;
  }
  ol {
    margin: 0;
    padding-inline-start: 2em;
  }
  .signatures {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 10mm 8mm;
    margin-block-start: 8mm;
    break-inside: avoid;
  }
  .sign {
    min-block-size: 18mm;
  }
  .sign .line {
    display: inline-block;
    min-inline-size: 35mm;
    border-block-end: 1px solid var(--_ink);
  }
  .seal {
    justify-self: end;
    text-align: center;
    inline-size: 36mm;
    block-size: 36mm;
    border: 1px dashed var(--_ink);
    border-radius: 50%;
    display: grid;
    place-items: center;
  }
  .date {
    text-align: end;
  }
  .note {
    font-size: 10pt;
  }
  @page {
    size: A4;
    margin: 0;
  }
  /* A preview on a phone-wide screen reflows (WCAG 1.4.10): narrower margins, and long numbers and
     labels wrap instead of widening the page. Print keeps the A4 layout above. */
  @media screen {
    @container (max-width: 560px) {
      .sheet {
        padding: 4mm;
        overflow-wrap: anywhere;
      }
      th {
        white-space: normal;
      }
      h1 {
        letter-spacing: 0.1em;
      }
    }
  }
  @media print {
    .toolbar {
      display: none;
    }
    /* Each document starts a new sheet; a long one runs on (the first break is ignored). */
    .sheet {
      border: none;
      inline-size: 210mm;
      min-block-size: auto;
      margin: 0;
      break-before: page;
    }
  }
`;
