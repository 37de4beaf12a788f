import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { masked } from '../../internal/masking.js';
import { type Store } from '@bihuan/core/store';
import { type Assist, type Volunteer, type VolunteerCollections, ASSIST_KINDS, VolunteerSchema, formatHours, logAssistIn, summarizeVolunteerLog, volunteerStore } from '@bihuan/core/volunteer';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { errorSummary, errorSummaryStyles, focusErrorSummary, type FieldError } from '../../internal/error-summary.js';
import { figures, scrollRegion } from '../../internal/figures.js';
import { argumentProblem, errorFor, inputField, problemAt, readForm } from '../../internal/form-fields.js';
import { formStyles } from '../../internal/form-styles.js';
import { pageRows, pager } from '../../internal/pager.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { volunteerLogMessages, type VolunteerLogMessages } from './volunteer-log.messages.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { booleanGuard, nowGuard, pageSizeGuard, storeGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';
import { footRound } from '@bihuan/core/rate';
import { aside } from '../../internal/words.js';

type Problem = FieldError | { readonly id?: undefined; readonly message: string };

/** `bh-assist-logged`: the assist as stored. */
export type AssistLoggedDetail = Assist;

/**
 * The volunteer police association (义警协会): its roster and the assists log by kind — event
 * security, patrol, school-gate duty, emergency rescue — with counts and hours per kind and per
 * volunteer (names masked unless `reveal-names`), and a form to log an assist, refused with a
 * reason when the volunteer is not a member that day or the day would exceed 24 hours.
 *
 * @tagname bh-volunteer-log
 * @summary Roster and assists log of volunteer police, with counts and hours per kind and volunteer.
 *
 * @csspart summary - The totals (members, active, assists, hours).
 * @csspart kinds - The table by kind of assist.
 * @csspart table - The table by volunteer.
 * @csspart pager - Previous/next page buttons.
 * @csspart form - The form logging an assist.
 * @csspart error-summary - What was refused, with links to the fields.
 * @csspart status - The confirmation after logging.
 * @csspart problem - The in-place message when the widget cannot work (store failure).
 *
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-bad=#b42318] - Refusals.
 *
 * @fires {CustomEvent<AssistLoggedDetail>} bh-assist-logged - An assist was logged; `detail` is the stored `Assist`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The widget could not work with what it was given.
 */
export class BhVolunteerLog extends BihuanElement {
  static override styles = [themeStyles, formStyles, errorSummaryStyles, dataStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    revealNames: { type: Boolean, attribute: 'reveal-names', guard: booleanGuard },
    now: { guard: nowGuard },
    pageSize: { type: Number, attribute: 'page-size', guard: pageSizeGuard },
    roster: { state: true },
    assists: { state: true },
    page: { state: true },
    problems: { state: true },
    status: { state: true },
  };

  /** The store holding roster and assists (`volunteerStore`'s collections); the default IndexedDB store when absent. */
  store?: Store<VolunteerCollections>;
  /** Show volunteers' full names (for viewers entitled to personal data); masked by default. */
  revealNames = false;
  /** Default date of a new assist (ISO instant, Date or epoch ms); today when absent. */
  now?: string | number | Date;
  /** Volunteers per page (default 20). */
  pageSize = 20;

  private roster: Volunteer[] = [];
  private assists: Assist[] = [];
  private page = 0;
  private problems: Problem[] = [];
  private status = '';
  private readonly data = new StoreController<VolunteerCollections>(this, volunteerStore, async (store) => {
    const [roster, assists] = await Promise.all([store.all('volunteers'), store.all('assists')]);
    this.roster = roster.items;
    this.assists = assists.items;
  });

  private get t(): VolunteerLogMessages {
    return volunteerLogMessages[this.locale];
  }

  private name(v: { name: string }): string {
    return this.revealNames ? v.name : masked(VolunteerSchema, v).name; // the schema marks the name personal
  }

  protected override renderContent(): unknown {
    if (this.data.error) throw this.data.error;
    const t = this.t;
    if (this.data.loading) return html`<p role="status">${t.loading}</p>`;
    const s = summarizeVolunteerLog(this.roster, this.assists);
    const n = formatNumber;
    const view = pageRows(s.byVolunteer, this.page, this.pageSize);
    const c = t.columns;
    // The hours by kind are rounded so that they foot to the total hours shown beside them.
    const hours = footRound(ASSIST_KINDS.map((k) => ({ numerator: BigInt(s.byKind[k].minutes), denominator: 60n })));
    const kindHeads = ASSIST_KINDS.map((k) => html`<th scope="col" class="num">${t.kinds[k]}</th>`);
    return html`<section aria-label=${t.region}>
      ${figures([
        [t.figures.members, n(s.members)],
        [t.figures.active, n(s.active)],
        [t.figures.assists, n(s.assists)],
        [t.figures.hours, hours.total],
      ])}
      ${this.status ? html`<p class="status" part="status" role="status">${this.status}</p>` : nothing}
      ${scrollRegion(t.kindCaption, html`<table part="kinds" data-foot>
          <caption>${t.kindCaption}</caption>
          <thead><tr><th scope="col">${c.kind}</th><th scope="col" class="num">${c.assists}</th><th scope="col" class="num">${c.hours}</th></tr></thead>
          <tbody>${ASSIST_KINDS.map((k, i) => html`<tr><th scope="row">${t.kinds[k]}</th><td class="num" data-foot-part="assists">${n(s.byKind[k].assists)}</td><td class="num" data-foot-part="hours">${hours.parts[i]}</td></tr>`)}</tbody>
          <tfoot><tr><th scope="row">${t.kindTotal}</th><td class="num" data-foot-total="assists">${n(s.assists)}</td><td class="num" data-foot-total="hours">${hours.total}</td></tr></tfoot>
        </table>`)}
      ${s.members === 0
        ? html`<p class="empty">${t.empty}</p>`
        : scrollRegion(this.revealNames ? t.volunteerCaptionRevealed : t.volunteerCaption, html`<table part="table">
              <caption>${this.revealNames ? t.volunteerCaptionRevealed : t.volunteerCaption}</caption>
              <thead><tr><th scope="col">${c.name}</th><th scope="col" class="num">${c.total}</th><th scope="col" class="num">${c.hours}</th>${kindHeads}</tr></thead>
              <tbody>
                ${view.rows.map(
                  (v) => html`<tr>
                    <th scope="row">${this.name(v)}<span class="visually-hidden">${aside(v.id, this.locale)}</span></th>
                    <td class="num">${n(v.assists)}</td>
                    <td class="num">${formatHours(v.minutes)}</td>
                    ${ASSIST_KINDS.map((k) => html`<td class="num">${n(v.byKind[k].assists)}</td>`)}
                  </tr>`,
                )}
              </tbody>
            </table>`)}
      ${pager(this.locale, view.page, view.pages, s.byVolunteer.length, (p) => (this.page = p))} ${this.renderForm()}
    </section>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const f = t.fields;
    const problem = (id: string) => problemAt(this.problems, id);
    const today = new Date(new Date((this.now ?? Date.now()) as string | number | Date).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const active = this.roster.filter((v) => v.leftOn === null);
    const select = (id: string, label: string, options: TemplateResult[]) => html`<div class="field">
      <label for=${id}>${label}</label>
      <select id=${id} name=${id.slice(2)} aria-invalid=${problem(id) ? 'true' : 'false'} aria-describedby=${problem(id) ? `${id}-error` : nothing}>${options}</select>
      ${problem(id) ? html`<p class="field-error" id="${id}-error">${problem(id)}</p>` : nothing}
    </div>`;
    return html`<form part="form" novalidate aria-labelledby="log-title" @submit=${(e: SubmitEvent) => this.submit(e)}>
      <fieldset>
        <legend id="log-title">${t.logTitle}</legend>
        ${errorSummary(() => this.renderRoot, t.errorTitle, this.problems)}
        <div class="row">
          ${select('a-volunteer', f.volunteer, [html`<option value="">${t.choose}</option>`, ...active.map((v) => html`<option value=${v.id}>${this.name(v)}${aside(v.id, this.locale)}</option>`)])}
          ${select('a-kind', f.kind, ASSIST_KINDS.map((k) => html`<option value=${k}>${t.kinds[k]}</option>`))}
        </div>
        <div class="row">
          ${inputField({ id: 'a-date', name: 'date', label: f.date, type: 'date', required: true, value: today, problem: problem('a-date') })}
          ${inputField({ id: 'a-hours', name: 'hours', label: f.hours, type: 'number', min: '0.25', step: '0.25', required: true, hint: t.hoursHint, problem: problem('a-hours') })}
          ${inputField({ id: 'a-place', name: 'place', label: f.place, problem: problem('a-place') })}
        </div>
        <div><button type="submit" class="primary">${t.save}</button></div>
      </fieldset>
    </form>`;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const store = this.data.store;
    if (!store) return;
    const form = e.target as HTMLFormElement;
    const v = readForm(form);
    const t = this.t;
    const entry = (id: string, label: string) => ({ id, label });
    const fields = {
      volunteerId: entry('a-volunteer', t.fields.volunteer),
      kind: entry('a-kind', t.fields.kind),
      date: entry('a-date', t.fields.date),
      minutes: entry('a-hours', t.fields.hours),
      place: entry('a-place', t.fields.place),
    };
    const input = {
      id: `A-${globalThis.crypto?.randomUUID?.() ?? Date.now().toString(36)}`,
      volunteerId: v.volunteer ?? '',
      kind: v.kind as Assist['kind'],
      date: v.date ?? '',
      minutes: v.hours ? Math.round(Number(v.hours) * 60) : 0,
      ...(v.place ? { place: v.place } : {}),
    };
    try {
      const decision = await logAssistIn(store, input);
      if (decision.ok) {
        const who = this.roster.find((r) => r.id === decision.value.volunteerId);
        this.status = t.logged(who ? this.name(who) : decision.value.volunteerId, t.kinds[decision.value.kind], formatHours(decision.value.minutes));
        this.problems = [];
        form.reset();
        this.dispatchEvent(new CustomEvent<AssistLoggedDetail>('bh-assist-logged', { detail: decision.value, bubbles: true, composed: true }));
        return;
      }
      this.problems = [errorFor({ field: decision.reason.field, message: decision.reason.message[this.locale] }, fields)];
    } catch (error) {
      this.problems = [errorFor(argumentProblem(error, this.locale), fields)];
    }
    this.status = '';
    await this.updateComplete;
    focusErrorSummary(this.renderRoot);
  }
}

/** The events `<bh-volunteer-log>` fires, with their `detail` types (all bubble and are composed). */
export interface BhVolunteerLogEventMap extends BihuanElementEventMap {
  'bh-assist-logged': CustomEvent<AssistLoggedDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhVolunteerLog { addEventListener: AddTypedListener<BhVolunteerLog, BhVolunteerLogEventMap>; removeEventListener: RemoveTypedListener<BhVolunteerLog, BhVolunteerLogEventMap> }
