import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type BusinessStoreSpec, type KeyFirm, type OneWindowMatter, type Visit, type WindowCaseItem, VISIT_KINDS, LIMIT_CUT_RULE, assignLiaison, businessStore, limitReduction, liaisonSummary, logVisit, oneWindowSummary, windowCaseSummary } from '@bihuan/core/business';
import { type Store } from '@bihuan/core/store';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { errorSummaryStyles } from '../../internal/error-summary.js';
import { type ActionField } from '../../internal/action-form.js';
import { RecordForm } from '../../internal/record-form.js';
import { formStyles } from '../../internal/form-styles.js';
import { newId } from '../../internal/new-id.js';
import { figures, scrollRegion } from '../../internal/figures.js';
import { pageRows, pager } from '../../internal/pager.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { businessLiaisonMessages, type BusinessLiaisonMessages } from './business-liaison.messages.js';
import { businessLiaisonStyles } from './business-liaison.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { nowGuard, pageSizeGuard, storeGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';
import { ownName } from '../../internal/words.js';

type Collections = BusinessStoreSpec['collections'];

/** `bh-liaison-change`: a firm got its pair (`assign`) or a visit was logged (`visit`). */
export interface LiaisonChangeDetail {
  readonly firmId: string;
  readonly type: 'assign' | 'visit';
}

/**
 * Service to business (服务企业): the register of key firms and projects under "one firm, one
 * officer, one assistant" (一企一警一助理) with their visits, and the one-window matters with their
 * time limits before and now. Assigning refuses a missing, second or identical person in place.
 *
 * @tagname bh-business-liaison
 * @summary Liaison register for key firms (one officer, one assistant each), visits, one-window limits.
 *
 * @csspart summary - The key figures (firms, coverage, visits, matters, change in limits, on-time rate).
 * @csspart firms - The liaison register table.
 * @csspart matters - The one-window matters table.
 * @csspart form - The assignment or visit form.
 * @csspart error-summary - What was refused, with links to the fields.
 * @csspart status - The confirmation after saving.
 * @csspart pager - Previous/next page buttons of the register.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message when the widget cannot work (store failure).
 *
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons, focus rings, the form's border.
 * @cssprop [--bh-color-bad=#b42318] - Refusals.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<LiaisonChangeDetail>} bh-liaison-change - A pair was assigned or a visit logged; `detail` is `{ firmId, type }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The widget could not work with what it was given.
 */
export class BhBusinessLiaison extends BihuanElement {
  static override styles = [themeStyles, formStyles, errorSummaryStyles, dataStyles, businessLiaisonStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    now: { guard: nowGuard },
    pageSize: { type: Number, attribute: 'page-size', guard: pageSizeGuard },
    firms: { state: true },
    page: { state: true },
    editing: { state: true },
  };

  /** The store holding the register (`businessStore`'s collections); the default IndexedDB store when absent. */
  store?: Store<Collections>;
  /** The moment overdue one-window cases are judged at (ISO instant, Date or epoch ms); the clock when absent. */
  now?: string | number | Date;
  /** Firms per page (default 20). */
  pageSize = 20;

  private firms: KeyFirm[] = [];
  private visits: Visit[] = [];
  private matters: OneWindowMatter[] = [];
  private cases: WindowCaseItem[] = [];
  private page = 0;
  private editing: { firmId: string; form: 'assign' | 'visit' } | undefined;
  private readonly data = new StoreController<Collections>(this, businessStore, async (store) => {
    const [firms, visits, matters, cases] = await Promise.all([store.all('firms'), store.all('visits'), store.all('matters'), store.all('windowCases')]);
    const zh = new Intl.Collator('zh-CN');
    this.firms = firms.items.sort((a, b) => zh.compare(a.name, b.name));
    this.visits = visits.items;
    this.matters = matters.items.sort((a, b) => zh.compare(a.name, b.name));
    this.cases = cases.items as WindowCaseItem[];
  });
  /** The assignment and visit forms: one write through the store, a refusal shown on the field it names. */
  private readonly form = new RecordForm<Collections>(this, {
    id: 'f',
    paths: { officer: 'officerId', 'officer.id': 'officerId', 'officer.name': 'officerName', assistant: 'assistantId', 'assistant.id': 'assistantId', 'assistant.name': 'assistantName' },
    write: (action) => this.data.write(action),
  });

  private get t(): BusinessLiaisonMessages {
    return businessLiaisonMessages[this.locale];
  }

  protected override renderContent(): unknown {
    if (this.data.error) throw this.data.error;
    const t = this.t;
    if (this.data.loading) return html`<p role="status" part="loading">${t.loading}</p>`;
    const s = liaisonSummary(this.firms, this.visits);
    const w = oneWindowSummary(this.matters);
    const c = windowCaseSummary(this.cases, this.now ?? Date.now());
    const entries = [
      ['subjects', formatNumber(s.firms + s.projects)],
      ['coverage', s.coverage],
      ['visits', formatNumber(s.visits)],
      ['matters', formatNumber(w.matters)],
      ['reduction', w.reduction],
      ['onTime', c.onTimeRate],
    ] as const;
    const view = pageRows(this.firms, this.page, this.pageSize);
    return html`<section aria-label=${t.region}>
      ${figures(entries.map(([k, v]) => [t.figures[k], v]))}
      ${this.form.status ? html`<p class="status" part="status" role="status">${this.form.status}</p>` : nothing} ${this.renderForm()}
      ${this.firms.length === 0 ? html`<p class="empty">${t.emptyFirms}</p>` : this.renderFirms(view.rows)}
      ${pager(this.locale, view.page, view.pages, this.firms.length, (p) => (this.page = p))}
      ${this.matters.length === 0 ? html`<p class="empty">${t.emptyMatters}</p>` : this.renderMatters()}
    </section>`;
  }

  private renderFirms(rows: readonly KeyFirm[]): TemplateResult {
    const t = this.t;
    const c = t.columns;
    const person = (p: KeyFirm['officer']) => (p ? html`${p.name}${p.unit ? html`<span class="sub">${p.unit}</span>` : nothing}` : html`<span class="muted">${t.unassigned}</span>`);
    return scrollRegion(t.firmsCaption, html`<table part="firms">
        <caption>${t.firmsCaption}</caption>
        <thead><tr><th scope="col">${c.name}</th><th scope="col">${c.officer}</th><th scope="col">${c.assistant}</th><th scope="col">${c.visits}</th><th scope="col">${c.actions}</th></tr></thead>
        <tbody>
          ${rows.map((f) => {
            const visits = this.visits.filter((v) => v.firmId === f.id).sort((a, b) => (a.date < b.date ? 1 : -1));
            return html`<tr>
              <th scope="row">${ownName(f.name, this.locale)}<span class="sub">${t.kinds[f.kind]}${f.district ? ` · ${f.district}` : ''}</span></th>
              <td>${person(f.officer)}</td>
              <td>${person(f.assistant)}</td>
              <td>${t.lastVisit(visits.length, visits[0]?.date)}</td>
              <td><div class="actions">
                <button type="button" aria-label=${t.actionFor(f.officer ? t.reassign : t.assign, f.name)} @click=${() => this.open(f, 'assign')}>${f.officer ? t.reassign : t.assign}</button>
                ${f.officer ? html`<button type="button" aria-label=${t.actionFor(t.logVisit, f.name)} @click=${() => this.open(f, 'visit')}>${t.logVisit}</button>` : nothing}
              </div></td>
            </tr>`;
          })}
        </tbody>
      </table>`);
  }

  private renderMatters(): TemplateResult {
    const t = this.t;
    const c = t.columns;
    const w = oneWindowSummary(this.matters);
    return html`${scrollRegion(t.mattersCaption, html`<table part="matters" data-foot>
        <caption>${t.mattersCaption}</caption>
        <thead><tr><th scope="col">${c.matter}</th><th scope="col">${c.department}</th><th scope="col" class="num">${c.previous}</th><th scope="col" class="num">${c.limit}</th><th scope="col" class="num">${c.change}</th></tr></thead>
        <tbody>
          ${this.matters.map(
            (m) => html`<tr><th scope="row">${ownName(m.name, this.locale)}</th><td>${m.department ? ownName(m.department, this.locale) : ''}</td><td class="num" data-foot-part="previous">${t.days(m.previousLimit)}</td><td class="num" data-foot-part="limit">${t.days(m.limit)}</td><td class="num">${limitReduction(m)}</td></tr>`,
          )}
        </tbody>
        <tfoot><tr><th scope="row" colspan="2">${t.figures.matters} ${w.matters}</th><td class="num" data-foot-total="previous">${t.days(w.previousTotal)}</td><td class="num" data-foot-total="limit">${t.days(w.total)}</td><td class="num">${w.reduction}</td></tr></tfoot>
      </table>`)}
      <p class="hint" part="limit-rule">${LIMIT_CUT_RULE[this.locale]}</p>`;
  }

  /** The fields of the assignment or the visit form, in the one form vocabulary. */
  private formFields(firm: KeyFirm, form: 'assign' | 'visit'): ActionField[] {
    const t = this.t;
    const f = t.fields;
    const text = (name: 'officerId' | 'officerName' | 'assistantId' | 'assistantName'): ActionField => ({ kind: 'text', name, label: f[name] });
    const date: ActionField = { kind: 'date', name: 'date', label: f.date };
    if (form === 'assign') {
      return [
        { kind: 'row', fields: [text('officerId'), text('officerName')] },
        { kind: 'row', fields: [text('assistantId'), text('assistantName')] },
        date,
        ...(firm.officer ? [{ kind: 'toggle', name: 'handover', label: f.handover } as const] : []),
      ];
    }
    return [
      {
        kind: 'row',
        fields: [
          { kind: 'select', name: 'by', label: f.by, options: [firm.officer!, firm.assistant!].map((p) => ({ value: p.id, label: p.name })) },
          { kind: 'select', name: 'kind', label: f.kind, options: VISIT_KINDS.map((k) => ({ value: k, label: t.visitKinds[k] })) },
          date,
        ],
      },
      { kind: 'textarea', name: 'needs', label: f.needs, optional: true },
      { kind: 'textarea', name: 'note', label: f.note, optional: true },
    ];
  }

  private renderForm(): unknown {
    const e = this.editing;
    const firm = e && this.firms.find((f) => f.id === e.firmId);
    if (!e || !firm) return nothing;
    const t = this.t;
    const today = new Date(this.now ?? Date.now()).toISOString().slice(0, 10);
    const title = e.form === 'assign' ? t.assignFor(firm.name) : t.visitFor(firm.name);
    return html`<form class="panel" part="form" novalidate aria-label=${title} @submit=${(ev: SubmitEvent) => this.save(ev, firm, e.form)}>
      <strong>${title}</strong>
      ${this.form.summary(t.errorTitle)} ${e.form === 'assign' ? html`<p class="hint">${t.hint}</p>` : nothing}
      ${this.form.fields(this.formFields(firm, e.form), { date: today })}
      <div class="actions"><button type="submit" class="primary">${t.submit}</button><button type="button" @click=${() => (this.editing = undefined)}>${t.cancel}</button></div>
    </form>`;
  }

  private open(firm: KeyFirm, form: 'assign' | 'visit'): void {
    this.editing = { firmId: firm.id, form };
    this.form.clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('form.panel input, form.panel select')?.focus());
  }

  private async save(ev: SubmitEvent, firm: KeyFirm, form: 'assign' | 'visit'): Promise<void> {
    const t = this.t;
    const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
    const saved = await this.form.submit<unknown>(
      ev,
      this.formFields(firm, form),
      (typed) => async (store) => {
        if (form === 'assign') {
          const person = (id?: string, name?: string) => (id || name ? { id: id ?? '', name: name ?? '' } : undefined);
          const r = assignLiaison(firm, { officer: person(text(typed.officerId), text(typed.officerName)), assistant: person(text(typed.assistantId), text(typed.assistantName)), date: text(typed.date) ?? '' }, { replace: typed.handover === true });
          return r.ok ? { ok: true, value: await store.put('firms', r.value) } : r;
        }
        const visit = { id: newId('V'), firmId: firm.id, date: typed.date, by: typed.by, kind: typed.kind, needs: text(typed.needs), note: text(typed.note) };
        const r = logVisit(firm, JSON.parse(JSON.stringify(visit)));
        return r.ok ? { ok: true, value: await store.put('visits', r.value) } : r;
      },
      () => (form === 'assign' ? t.assigned(firm.name) : t.visited(firm.name)),
    );
    if (saved === undefined) return;
    this.editing = undefined;
    this.dispatchEvent(new CustomEvent<LiaisonChangeDetail>('bh-liaison-change', { detail: { firmId: firm.id, type: form }, bubbles: true, composed: true }));
  }
}

/** The events `<bh-business-liaison>` fires, with their `detail` types (all bubble and are composed). */
export interface BhBusinessLiaisonEventMap extends BihuanElementEventMap {
  'bh-liaison-change': CustomEvent<LiaisonChangeDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhBusinessLiaison { addEventListener: AddTypedListener<BhBusinessLiaison, BhBusinessLiaisonEventMap>; removeEventListener: RemoveTypedListener<BhBusinessLiaison, BhBusinessLiaisonEventMap> }
