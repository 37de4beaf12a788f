import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type EmergencyUnit, type EmergencyUnitCollections, type ResponseJudgement, type UnitResponse, RESPONSE_STAGES, RESPONSE_STANDARD, missingStandard, recordResponseIn, summarizeEmergencyUnits, emergencyUnitStore } from '@bihuan/core/emergency-unit';
import { type Store } from '@bihuan/core/store';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { errorSummaryStyles } from '../../internal/error-summary.js';
import { figures, scrollRegion } from '../../internal/figures.js';
import { aside, joinList, ownName } from '../../internal/words.js';
import { type ActionField } from '../../internal/action-form.js';
import { RecordForm } from '../../internal/record-form.js';
import { newId } from '../../internal/new-id.js';
import { formStyles } from '../../internal/form-styles.js';
import { pageRows, pager } from '../../internal/pager.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { emergencyUnitsMessages, type EmergencyUnitsMessages } from './emergency-units.messages.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { idGuard, nowGuard, pageSizeGuard, storeGuard } from '../../internal/guard.js';
import { formatNumber } from '../../internal/format.js';

/** `bh-unit-response`: a drill or incident was recorded, with its 1-3-5 judgement. */
export interface UnitResponseDetail {
  readonly response: UnitResponse;
  readonly judgement: ResponseJudgement;
}

const TIME_FIELDS = ['selfRescue', 'mutualAid', 'reinforcement'] as const;
const OUTCOME_FIELDS = ['detained', 'disputesStopped', 'helped'] as const;

/**
 * Minimum emergency units (最小应急单元): the registry with each unit's supervising police station
 * and its standing against the uniform standard (marking, equipment, duties, procedure), the
 * source's totals, and drills and real incidents judged against 1-3-5 minutes (self-rescue, mutual
 * aid, reinforcement; the limit itself counts as met).
 *
 * @tagname bh-emergency-units
 * @summary Registry, totals and 1-3-5 minute response judgement of minimum emergency units.
 *
 * @csspart summary - The totals (units, members, standard, detained, disputes stopped, helped).
 * @csspart timing - The 1-3-5 table.
 * @csspart filter - The police-station filter.
 * @csspart table - The registry table.
 * @csspart pager - Previous/next page buttons.
 * @csspart form - The form recording a drill or incident.
 * @csspart error-summary - What was refused, with links to the fields.
 * @csspart status - The judgement of the response just recorded.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message when the widget cannot work (store failure).
 *
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-good=#1a7f37] - Stages met, units meeting the standard.
 * @cssprop [--bh-color-bad=#b42318] - Stages missed, items lacking.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<UnitResponseDetail>} bh-unit-response - A drill or incident was recorded; `detail` is `{ response, judgement }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The widget could not work with what it was given.
 */
export class BhEmergencyUnits extends BihuanElement {
  static override styles = [themeStyles, formStyles, errorSummaryStyles, dataStyles];

  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    station: { type: String, guard: idGuard },
    now: { guard: nowGuard },
    pageSize: { type: Number, attribute: 'page-size', guard: pageSizeGuard },
    units: { state: true },
    responses: { state: true },
    page: { state: true },
    recording: { state: true },
  };

  /** The store holding units and responses (`emergencyUnitStore`'s collections); the default IndexedDB store when absent. */
  store?: Store<EmergencyUnitCollections>;
  /** Show only the units of this police station (all when empty). */
  station = '';
  /** Default time of a new record (ISO instant, Date or epoch ms); the clock when absent. */
  now?: string | number | Date;
  /** Units per page (default 20). */
  pageSize = 20;

  private units: EmergencyUnit[] = [];
  private responses: UnitResponse[] = [];
  private page = 0;
  private recording: EmergencyUnit | undefined;
  private readonly data = new StoreController<EmergencyUnitCollections>(this, emergencyUnitStore, async (store) => {
    const [units, responses] = await Promise.all([store.all('units'), store.all('responses')]);
    this.units = units.items;
    this.responses = responses.items;
  });
  /** The drill-or-incident form: one write through the store, a refusal shown on the field it names. */
  private readonly form = new RecordForm<EmergencyUnitCollections>(this, { id: 'r', paths: { times: 'mutualAid' }, write: (action) => this.data.write(action) });

  private get t(): EmergencyUnitsMessages {
    return emergencyUnitsMessages[this.locale];
  }

  protected override renderContent(): unknown {
    if (this.data.error) throw this.data.error;
    const t = this.t;
    if (this.data.loading) return html`<p role="status" part="loading">${t.loading}</p>`;
    const all = summarizeEmergencyUnits(this.units, this.responses);
    const units = this.station ? this.units.filter((u) => u.station === this.station) : this.units;
    const n = formatNumber;
    const view = pageRows(units, this.page, this.pageSize);
    return html`<section aria-label=${t.region}>
      ${figures([
        [t.figures.units, t.units(n(all.units))],
        [t.figures.members, t.people(n(all.members))],
        [t.figures.standard, all.standardRate],
        [t.figures.detained, t.people(n(all.detained))],
        [t.figures.disputes, t.cases(n(all.disputesStopped))],
        [t.figures.helped, t.people(n(all.helped))],
      ])}
      ${this.renderTiming(all.onTime)}
      ${this.form.status ? html`<p class="status" part="status" role="status">${this.form.status}</p>` : nothing}
      <div class="field" part="filter">
        <label for="station">${t.station}</label>
        <select id="station" data-foot @change=${(e: Event) => ((this.station = (e.target as HTMLSelectElement).value), (this.page = 0))}>
          <option value="" ?selected=${!this.station} data-foot-total="units">${t.allStations}${aside(n(all.units), this.locale)}</option>
          ${Object.keys(all.byStation).sort().map((s) => html`<option value=${s} ?selected=${s === this.station} data-foot-part="units">${ownName(s, this.locale)}${aside(n(all.byStation[s]!.units), this.locale)}</option>`)}
        </select>
      </div>
      ${units.length === 0 ? html`<p class="empty">${t.empty}</p>` : this.renderTable(view.rows)}
      ${pager(this.locale, view.page, view.pages, units.length, (p) => (this.page = p))} ${this.renderForm()}
    </section>`;
  }

  private renderTiming(onTime: ReturnType<typeof summarizeEmergencyUnits>['onTime']): TemplateResult {
    const t = this.t;
    const c = t.timingColumns;
    return scrollRegion(t.timingCaption, html`<table part="timing">
        <caption>${t.timingCaption}</caption>
        <thead><tr><th scope="col">${c.stage}</th><th scope="col">${c.limit}</th><th scope="col" class="num">${c.met}</th><th scope="col" class="num">${c.timed}</th><th scope="col" class="num">${c.rate}</th></tr></thead>
        <tbody>
          ${([...RESPONSE_STAGES, 'all'] as const).map(
            (stage) => html`<tr>
              <th scope="row">${t.stages[stage]}</th>
              <td>${stage === 'all' ? t.allLimit : t.limit(RESPONSE_STANDARD[stage])}</td>
              <td class="num">${formatNumber(onTime[stage].met)}</td>
              <td class="num">${formatNumber(onTime[stage].timed)}</td>
              <td class="num">${onTime[stage].rate}</td>
            </tr>`,
          )}
        </tbody>
      </table>`);
  }

  private renderTable(rows: readonly EmergencyUnit[]): TemplateResult {
    const t = this.t;
    const c = t.columns;
    return scrollRegion(t.caption, html`<table part="table">
        <caption>${t.caption}</caption>
        <thead><tr><th scope="col">${c.name}</th><th scope="col">${c.kind}</th><th scope="col">${c.station}</th><th scope="col" class="num">${c.members}</th><th scope="col">${c.standard}</th><th scope="col">${c.actions}</th></tr></thead>
        <tbody>
          ${rows.map((u) => {
            const lacking = missingStandard(u);
            return html`<tr>
              <th scope="row">${ownName(u.name, this.locale)}</th>
              <td>${t.kinds[u.kind]}</td>
              <td>${ownName(u.station, this.locale)}</td>
              <td class="num">${u.members.length}</td>
              <td class=${lacking.length ? 'bad' : 'good'}>${lacking.length ? t.lacks(joinList(lacking.map((i) => t.items[i]), this.locale)) : t.meets}</td>
              <td><button type="button" aria-label=${t.recordFor(ownName(u.name, this.locale))} @click=${() => this.startRecording(u)}>${t.record}</button></td>
            </tr>`;
          })}
        </tbody>
      </table>`);
  }

  /** The record form's fields, in the one form vocabulary: the times in seconds, then what came of it. */
  private formFields(): { when: ActionField[]; times: ActionField[]; outcome: ActionField[] } {
    const t = this.t;
    const f = t.fields;
    const count = (name: (typeof TIME_FIELDS | typeof OUTCOME_FIELDS)[number], optional: boolean): ActionField => ({ kind: 'number', name, label: f[name], optional });
    return {
      when: [
        {
          kind: 'row',
          fields: [
            { kind: 'select', name: 'kind', label: f.kind, options: (['drill', 'incident'] as const).map((k) => ({ value: k, label: t.responseKinds[k] })) },
            { kind: 'datetime', name: 'at', label: f.at },
          ],
        },
      ],
      // Only self-rescue is asked of every record; core says when a drill lacks the others.
      times: [{ kind: 'row', fields: TIME_FIELDS.map((name) => count(name, name !== 'selfRescue')) }],
      outcome: [{ kind: 'row', fields: OUTCOME_FIELDS.map((name) => count(name, true)) }],
    };
  }

  private renderForm(): unknown {
    const unit = this.recording;
    if (!unit) return nothing;
    const t = this.t;
    const now = new Date((this.now ?? Date.now()) as string | number | Date).getTime() + 8 * 3_600_000;
    const fields = this.formFields();
    const draft = { at: new Date(now).toISOString().slice(0, 16), ...Object.fromEntries(OUTCOME_FIELDS.map((name) => [name, '0'])) };
    return html`<form part="form" novalidate aria-label=${t.recordFor(ownName(unit.name, this.locale))} @submit=${(e: SubmitEvent) => this.submit(e, unit)}>
      <fieldset>
        <legend>${t.recordFor(ownName(unit.name, this.locale))}</legend>
        ${this.form.summary(t.errorTitle)} ${this.form.fields(fields.when, draft)}
        <p class="hint" id="times-hint">${t.timesHint}</p>
        ${this.form.fields(fields.times, draft)} ${this.form.fields(fields.outcome, draft)}
        <div class="actions">
          <button type="submit" class="primary">${t.save}</button>
          <button type="button" @click=${() => ((this.recording = undefined), this.form.clear())}>${t.cancel}</button>
        </div>
      </fieldset>
    </form>`;
  }

  private startRecording(unit: EmergencyUnit): void {
    this.recording = unit;
    this.form.clear();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#r-kind')?.focus());
  }

  private async submit(e: SubmitEvent, unit: EmergencyUnit): Promise<void> {
    const t = this.t;
    const f = this.formFields();
    const num = (v: unknown) => (typeof v === 'string' && v ? Number(v) : null);
    const recorded = await this.form.submit(
      e,
      [...f.when, ...f.times, ...f.outcome],
      (typed) => (store) =>
        recordResponseIn(store, {
          id: newId('R'),
          unitId: unit.id,
          kind: typed.kind as 'drill' | 'incident',
          // The form's local time is Beijing time.
          at: typed.at ? `${typed.at as string}:00+08:00` : '',
          times: { selfRescue: num(typed.selfRescue) as number, mutualAid: num(typed.mutualAid), reinforcement: num(typed.reinforcement) },
          outcome: { detained: num(typed.detained) ?? 0, disputesStopped: num(typed.disputesStopped) ?? 0, helped: num(typed.helped) ?? 0 },
        }),
      ({ response, judgement }) => {
        const parts = RESPONSE_STAGES.map((s) => t.part(t.stages[s], response.times[s] === null ? '' : String(response.times[s]), t.verdicts[judgement[s]]));
        return t.judged(ownName(unit.name, this.locale), parts.join(t.sep));
      },
    );
    if (!recorded) return;
    this.recording = undefined;
    this.dispatchEvent(new CustomEvent<UnitResponseDetail>('bh-unit-response', { detail: recorded, bubbles: true, composed: true }));
  }
}

/** The events `<bh-emergency-units>` fires, with their `detail` types (all bubble and are composed). */
export interface BhEmergencyUnitsEventMap extends BihuanElementEventMap {
  'bh-unit-response': CustomEvent<UnitResponseDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhEmergencyUnits { addEventListener: AddTypedListener<BhEmergencyUnits, BhEmergencyUnitsEventMap>; removeEventListener: RemoveTypedListener<BhEmergencyUnits, BhEmergencyUnitsEventMap> }
