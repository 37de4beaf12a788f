import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { masked } from '../../internal/masking.js';
import { type Store } from '@bihuan/core/store';
import { type Assist, type Volunteer, type VolunteerCollections, ASSIST_KINDS, VolunteerSchema, formatHours, logAssistIn, summarizeVolunteerLog, volunteerStore } from '@bihuan/core/volunteer';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { errorSummaryStyles } from '../../internal/error-summary.js';
import { figures, scrollRegion } from '../../internal/figures.js';
import { type ActionField } from '../../internal/action-form.js';
import { formStyles } from '../../internal/form-styles.js';
import { newId } from '../../internal/new-id.js';
import { RecordForm } from '../../internal/record-form.js';
import { pageRows, pager } from '../../internal/pager.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { volunteerLogMessages, type VolunteerLogMessages } from './volunteer-log.messages.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { booleanGuard, nowGuard, pageSizeGuard, storeGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';
import { footRound } from '@bihuan/core/rate';
import { aside } from '../../internal/words.js';

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
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message when the widget cannot work (store failure).
 *
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-bad=#b42318] - Refusals.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
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
  private readonly data = new StoreController<VolunteerCollections>(this, volunteerStore, async (store) => {
    const [roster, assists] = await Promise.all([store.all('volunteers'), store.all('assists')]);
    this.roster = roster.items;
    this.assists = assists.items;
  });
  /** The assist form: one write through the store, a refusal shown on the field it names. */
  private readonly form = new RecordForm<VolunteerCollections>(this, { id: 'a', paths: { volunteerId: 'volunteer', minutes: 'hours' }, write: (action) => this.data.write(action) });

  private get t(): VolunteerLogMessages {
    return volunteerLogMessages[this.locale];
  }

  private name(v: { name: string }): string {
    return this.revealNames ? v.name : masked(VolunteerSchema, v).name; // the schema marks the name personal
  }

  protected override renderContent(): unknown {
    if (this.data.error) throw this.data.error;
    const t = this.t;
    if (this.data.loading) return html`<p role="status" part="loading">${t.loading}</p>`;
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
      ${this.form.status ? html`<p class="status" part="status" role="status">${this.form.status}</p>` : nothing}
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

  /** The assist form's fields, in the one form vocabulary. */
  private formFields(): ActionField[] {
    const t = this.t;
    const f = t.fields;
    const active = this.roster.filter((v) => v.leftOn === null);
    return [
      {
        kind: 'row',
        fields: [
          { kind: 'select', name: 'volunteer', label: f.volunteer, options: [{ value: '', label: t.choose }, ...active.map((v) => ({ value: v.id, label: `${this.name(v)}${aside(v.id, this.locale)}` }))] },
          { kind: 'select', name: 'kind', label: f.kind, options: ASSIST_KINDS.map((k) => ({ value: k, label: t.kinds[k] })) },
        ],
      },
      {
        kind: 'row',
        fields: [
          { kind: 'date', name: 'date', label: f.date },
          { kind: 'number', name: 'hours', label: f.hours, min: 0.25, step: 0.25, hint: t.hoursHint },
          // The label says it is optional ("地点（选填）").
          { kind: 'text', name: 'place', label: f.place, optional: true },
        ],
      },
    ];
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const today = new Date(new Date((this.now ?? Date.now()) as string | number | Date).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    return html`<form part="form" novalidate aria-labelledby="log-title" @submit=${(e: SubmitEvent) => this.submit(e)}>
      <fieldset>
        <legend id="log-title">${t.logTitle}</legend>
        ${this.form.summary(t.errorTitle)} ${this.form.fields(this.formFields(), { date: today })}
        <div><button type="submit" class="primary">${t.save}</button></div>
      </fieldset>
    </form>`;
  }

  private async submit(e: SubmitEvent): Promise<void> {
    const t = this.t;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const assist = await this.form.submit(
      e,
      this.formFields(),
      (typed) => (store) =>
        logAssistIn(store, {
          id: newId('A'),
          volunteerId: text(typed.volunteer),
          kind: typed.kind as Assist['kind'],
          date: text(typed.date),
          minutes: typed.hours ? Math.round(Number(typed.hours) * 60) : 0,
          ...(typed.place ? { place: text(typed.place) } : {}),
        }),
      (a) => {
        const who = this.roster.find((r) => r.id === a.volunteerId);
        return t.logged(who ? this.name(who) : a.volunteerId, t.kinds[a.kind], formatHours(a.minutes));
      },
    );
    if (assist) this.dispatchEvent(new CustomEvent<AssistLoggedDetail>('bh-assist-logged', { detail: assist, bubbles: true, composed: true }));
  }
}

/** The events `<bh-volunteer-log>` fires, with their `detail` types (all bubble and are composed). */
export interface BhVolunteerLogEventMap extends BihuanElementEventMap {
  'bh-assist-logged': CustomEvent<AssistLoggedDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhVolunteerLog { addEventListener: AddTypedListener<BhVolunteerLog, BhVolunteerLogEventMap>; removeEventListener: RemoveTypedListener<BhVolunteerLog, BhVolunteerLogEventMap> }
