import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type EmploymentIntention, type JobFairFirm, type JobFairStoreSpec, type JobMatch, type JobOpening, EmploymentIntentionSchema, JOB_KIND_LABELS, JOB_KINDS, intentionForm, jobFairStore, jobFairSummary, matchIntention } from '@bihuan/core/job-fair';
import { masked } from '../../internal/masking.js';
import { type Store } from '@bihuan/core/store';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { errorSummaryStyles } from '../../internal/error-summary.js';
import { type ActionField } from '../../internal/action-form.js';
import { RecordForm } from '../../internal/record-form.js';
import { formStyles } from '../../internal/form-styles.js';
import { newId } from '../../internal/new-id.js';
import { figures, scrollRegion } from '../../internal/figures.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { jobFairMessages, type JobFairMessages } from './job-fair.messages.js';
import { jobFairStyles } from './job-fair.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { idGuard, nowGuard, storeGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';
import { joinClauses, joinList, labelled, ownName, standalone } from '../../internal/words.js';

type Collections = JobFairStoreSpec['collections'];

/** `bh-intention-filed`: an employment-intention form was stored; `matches` counts the suitable openings. */
export interface IntentionFiledDetail {
  readonly id: string;
  readonly matches: number;
}

/**
 * A job fair before release (出监前专场招聘会): the firms and their openings, the inmates'
 * employment-intention forms (names masked), and for each form the openings that suit it with the
 * reasons the match is made — kind, pay against expectation, skills, certificates, place.
 *
 * @tagname bh-job-fair
 * @summary Firms, openings and employment-intention forms of a job fair, matched with reasons.
 *
 * @csspart summary - The key figures (firms, openings, jobs, forms, share matched).
 * @csspart openings - The firms-and-openings table.
 * @csspart forms - The intention forms table.
 * @csspart matches - The suitable openings of the chosen form, with reasons.
 * @csspart form - The intention form.
 * @csspart error-summary - What was refused, with links to the fields.
 * @csspart status - The confirmation after submitting.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message when the widget cannot work (store failure, bad records).
 *
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons, focus rings, the matches panel's border.
 * @cssprop [--bh-color-bad=#b42318] - Refusals.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<IntentionFiledDetail>} bh-intention-filed - A form was stored; `detail` is `{ id, matches }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The widget could not work with what it was given.
 */
export class BhJobFair extends BihuanElement {
  static override styles = [themeStyles, formStyles, errorSummaryStyles, dataStyles, jobFairStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    fair: { type: String, guard: idGuard },
    now: { guard: nowGuard },
    selected: { state: true },
    openings: { state: true },
  };

  /** The store holding the fair (`jobFairStore`'s collections); the default IndexedDB store when absent. */
  store?: Store<Collections>;
  /** The fair's id; every fair in the store when absent. */
  fair = '';
  /** Today for the form's date (ISO instant, Date or epoch ms); the clock when absent. */
  now?: string | number | Date;

  private firms: JobFairFirm[] = [];
  private openings: JobOpening[] = [];
  private forms: EmploymentIntention[] = [];
  private fairIds: string[] = [];
  private selected: string | undefined;
  private readonly data = new StoreController<Collections>(this, jobFairStore, async (store) => {
    const where = this.fair ? { index: 'fair', equals: this.fair } : undefined;
    const [fairs, firms, openings, forms] = await Promise.all([store.all('fairs'), store.all('firms', where), store.all('openings', where), store.all('intentions', where)]);
    this.fairIds = fairs.items.map((f) => f.id);
    this.firms = firms.items;
    this.openings = openings.items;
    this.forms = forms.items.sort((a, b) => (a.filledOn < b.filledOn ? 1 : a.filledOn > b.filledOn ? -1 : a.id < b.id ? -1 : 1));
  });
  /** The intention form: one write through the store, a refusal shown on the field it names. */
  private readonly form = new RecordForm<Collections>(this, { id: 'f', write: (action) => this.data.write(action) });

  private get t(): JobFairMessages {
    return jobFairMessages[this.locale];
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (changed.has('fair') && changed.get('fair') !== undefined) void this.data.reload();
  }

  protected override renderContent(): unknown {
    if (this.data.error) throw this.data.error;
    const t = this.t;
    if (this.data.loading) return html`<p role="status" part="loading">${t.loading}</p>`;
    const s = jobFairSummary({ firms: this.firms, openings: this.openings, intentions: this.forms });
    const entries = [['firms', s.firms], ['openings', s.openings], ['jobs', s.jobs], ['forms', s.forms], ['matched', s.matchedShare]] as const;
    return html`<section aria-label=${t.region}>
      ${figures(entries.map(([k, v]) => [t.figures[k], typeof v === 'number' ? formatNumber(v) : v]))}
      ${this.form.status ? html`<p class="status" part="status" role="status">${this.form.status}</p>` : nothing}
      ${this.openings.length === 0 ? html`<p class="empty">${t.emptyOpenings}</p>` : this.renderOpenings()} ${this.renderMatches()}
      ${this.forms.length === 0 ? html`<p class="empty">${t.emptyForms}</p>` : this.renderForms()} ${this.renderForm()}
    </section>`;
  }

  private kind(k: JobOpening['kind']): string {
    return JOB_KIND_LABELS[k][this.locale];
  }

  private renderOpenings(): TemplateResult {
    const t = this.t;
    const c = t.columns;
    const firmName = new Map(this.firms.map((f) => [f.id, ownName(f.name, this.locale)]));
    const conditions = (o: JobOpening) => {
      const l = this.locale;
      const parts = [o.conditions.skills.length ? labelled(t.skills, joinList(o.conditions.skills, l), l) : '', o.conditions.certificates.length ? labelled(t.certificates, joinList(o.conditions.certificates, l), l) : '', o.conditions.note ?? ''].filter(Boolean);
      return standalone(parts.length ? joinClauses(parts, l) : t.none, l);
    };
    return scrollRegion(t.openingsCaption, html`<table part="openings">
        <caption>${t.openingsCaption}</caption>
        <thead><tr><th scope="col">${c.firm}</th><th scope="col">${c.title}</th><th scope="col">${c.kind}</th><th scope="col" class="num">${c.count}</th><th scope="col" class="num">${c.pay}</th><th scope="col">${c.conditions}</th></tr></thead>
        <tbody>
          ${this.openings.map(
            (o) => html`<tr><td>${firmName.get(o.firmId) ?? o.firmId}</td><th scope="row">${o.title}${o.location ? html`<span class="sub">${o.location}</span>` : nothing}</th><td>${standalone(this.kind(o.kind), this.locale)}</td>
              <td class="num">${o.count}</td><td class="num">${o.pay.min}–${o.pay.max}</td><td>${conditions(o)}</td></tr>`,
          )}
        </tbody>
      </table>`);
  }

  private renderForms(): TemplateResult {
    const t = this.t;
    const c = t.columns;
    return scrollRegion(t.formsCaption, html`<table part="forms">
        <caption>${t.formsCaption}</caption>
        <thead><tr><th scope="col">${c.name}</th><th scope="col">${c.kinds}</th><th scope="col" class="num">${c.expected}</th><th scope="col" class="num">${c.matches}</th><th scope="col">${c.actions}</th></tr></thead>
        <tbody>
          ${this.forms.map((f) => {
            const name = masked(EmploymentIntentionSchema, f).name;
            return html`<tr><th scope="row">${name}</th><td>${standalone(joinList(f.kinds.map((k) => this.kind(k)), this.locale), this.locale)}</td><td class="num">${f.expectedPay}</td>
              <td class="num">${matchIntention(f, this.openings).length}</td>
              <td><button type="button" aria-label=${t.showMatches(name)} aria-pressed=${this.selected === f.id ? 'true' : 'false'} @click=${() => this.select(f.id)}>${t.show}</button></td></tr>`;
          })}
        </tbody>
      </table>`);
  }

  private renderMatches(): unknown {
    const form = this.forms.find((f) => f.id === this.selected);
    if (!form) return nothing;
    const t = this.t;
    const matches: JobMatch[] = matchIntention(form, this.openings);
    const firmName = new Map(this.firms.map((f) => [f.id, ownName(f.name, this.locale)]));
    return html`<section class="matches" part="matches" aria-labelledby="matches-title" tabindex="-1">
      <h3 id="matches-title">${t.matchesTitle(masked(EmploymentIntentionSchema, form).name, matches.length)}</h3>
      ${matches.length === 0
        ? html`<p class="empty">${t.noMatch}</p>`
        : html`<ol>${matches.map(
            (m) => html`<li><strong>${firmName.get(m.opening.firmId) ?? m.opening.firmId} · ${m.opening.title}</strong>
              <ul>${m.reasons.map((r) => html`<li>${r.message[this.locale]}</li>`)}</ul></li>`,
          )}</ol>`}
    </section>`;
  }

  /** The intention form's fields, in the one form vocabulary. */
  private formFields(): ActionField[] {
    const t = this.t;
    const f = t.fields;
    return [
      { kind: 'row', fields: [{ kind: 'text', name: 'name', label: f.name }, { kind: 'number', name: 'expectedPay', label: f.expectedPay }] },
      { kind: 'checks', name: 'kinds', label: f.kinds, inline: true, options: JOB_KINDS.map((k) => ({ value: k, label: standalone(this.kind(k), this.locale) })) },
      { kind: 'row', fields: [{ kind: 'text', name: 'skills', label: f.skills, hint: t.listHint, optional: true }, { kind: 'text', name: 'certificates', label: f.certificates, hint: t.listHint, optional: true }] },
      { kind: 'row', fields: [{ kind: 'text', name: 'preferredLocation', label: f.preferredLocation, optional: true }, { kind: 'date', name: 'filledOn', label: f.filledOn }] },
    ];
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    return html`<form part="form" novalidate aria-labelledby="form-title" @submit=${(e: SubmitEvent) => this.submit(e)}>
      ${this.form.summary(t.errorTitle)}
      <fieldset>
        <legend id="form-title">${t.formTitle}</legend>
        ${this.form.fields(this.formFields(), { filledOn: new Date(this.now ?? Date.now()).toISOString().slice(0, 10) })}
        <div><button type="submit" class="primary">${t.submit}</button></div>
      </fieldset>
    </form>`;
  }

  private select(id: string): void {
    this.selected = this.selected === id ? undefined : id;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.matches')?.focus());
  }

  private async submit(e: SubmitEvent): Promise<void> {
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const list = (v: unknown) => text(v).split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);
    const form = await this.form.submit(
      e,
      this.formFields(),
      (typed) => async (store) => {
        const intention = intentionForm({
          id: newId('I'),
          fairId: this.fair || this.fairIds[0] || 'fair',
          name: text(typed.name),
          kinds: (typed.kinds as string[]).filter((k): k is (typeof JOB_KINDS)[number] => (JOB_KINDS as readonly string[]).includes(k)),
          expectedPay: typed.expectedPay ? Number(typed.expectedPay) : Number.NaN,
          skills: list(typed.skills),
          certificates: list(typed.certificates),
          ...(typed.preferredLocation ? { preferredLocation: text(typed.preferredLocation) } : {}),
          filledOn: text(typed.filledOn),
        });
        return { ok: true, value: await store.put('intentions', intention) };
      },
      (form) => this.t.saved(masked(EmploymentIntentionSchema, form).name, matchIntention(form, this.openings).length),
    );
    if (!form) return;
    this.selected = form.id;
    this.dispatchEvent(new CustomEvent<IntentionFiledDetail>('bh-intention-filed', { detail: { id: form.id, matches: matchIntention(form, this.openings).length }, bubbles: true, composed: true }));
  }
}

/** The events `<bh-job-fair>` fires, with their `detail` types (all bubble and are composed). */
export interface BhJobFairEventMap extends BihuanElementEventMap {
  'bh-intention-filed': CustomEvent<IntentionFiledDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhJobFair { addEventListener: AddTypedListener<BhJobFair, BhJobFairEventMap>; removeEventListener: RemoveTypedListener<BhJobFair, BhJobFairEventMap> }
