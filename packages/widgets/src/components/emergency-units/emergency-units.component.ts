import { html, nothing, type PropertyDeclarations, type TemplateResult } from 'lit';
import { type EmergencyUnit, type EmergencyUnitCollections, type ResponseJudgement, type UnitResponse, RESPONSE_STAGES, RESPONSE_STANDARD, missingStandard, recordResponseIn, summarizeEmergencyUnits, emergencyUnitStore } from '@bihuan/core/emergency-unit';
import { type Store } from '@bihuan/core/store';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { dataStyles } from '../../internal/data-styles.js';
import { errorSummary, errorSummaryStyles, focusErrorSummary, type FieldError } from '../../internal/error-summary.js';
import { figures, scrollRegion } from '../../internal/figures.js';
import { aside, joinList, ownName } from '../../internal/words.js';
import { argumentProblem, errorFor, inputField, problemAt, readForm } from '../../internal/form-fields.js';
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

type Problem = FieldError | { readonly id?: undefined; readonly message: string };
type FieldName = keyof EmergencyUnitsMessages['fields'];
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
 * @csspart problem - The in-place message when the widget cannot work (store failure).
 *
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-good=#1a7f37] - Stages met, units meeting the standard.
 * @cssprop [--bh-color-bad=#b42318] - Stages missed, items lacking.
 *
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
    problems: { state: true },
    status: { state: true },
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
  private problems: Problem[] = [];
  private status = '';
  private readonly data = new StoreController<EmergencyUnitCollections>(this, emergencyUnitStore, async (store) => {
    const [units, responses] = await Promise.all([store.all('units'), store.all('responses')]);
    this.units = units.items;
    this.responses = responses.items;
  });

  private get t(): EmergencyUnitsMessages {
    return emergencyUnitsMessages[this.locale];
  }

  protected override renderContent(): unknown {
    if (this.data.error) throw this.data.error;
    const t = this.t;
    if (this.data.loading) return html`<p role="status">${t.loading}</p>`;
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
      ${this.status ? html`<p class="status" part="status" role="status">${this.status}</p>` : nothing}
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

  private input(name: FieldName, options: { type?: string; required?: boolean; hint?: string; value?: string } = {}): TemplateResult {
    const id = `r-${name}`;
    return inputField({ id, name, label: this.t.fields[name], type: 'number', min: '0', problem: problemAt(this.problems, id), ...options });
  }

  private renderForm(): unknown {
    const unit = this.recording;
    if (!unit) return nothing;
    const t = this.t;
    const now = new Date((this.now ?? Date.now()) as string | number | Date).getTime() + 8 * 3_600_000;
    return html`<form part="form" novalidate aria-label=${t.recordFor(ownName(unit.name, this.locale))} @submit=${(e: SubmitEvent) => this.submit(e, unit)}>
      <fieldset>
        <legend>${t.recordFor(ownName(unit.name, this.locale))}</legend>
        ${errorSummary(() => this.renderRoot, t.errorTitle, this.problems)}
        <div class="row">
          <div class="field">
            <label for="r-kind">${t.fields.kind}</label>
            <select id="r-kind" name="kind">${(['drill', 'incident'] as const).map((k) => html`<option value=${k}>${t.responseKinds[k]}</option>`)}</select>
          </div>
          ${this.input('at', { type: 'datetime-local', required: true, value: new Date(now).toISOString().slice(0, 16) })}
        </div>
        <p class="hint" id="times-hint">${t.timesHint}</p>
        <div class="row">${TIME_FIELDS.map((f) => this.input(f, { required: f === 'selfRescue' }))}</div>
        <div class="row">${OUTCOME_FIELDS.map((f) => this.input(f, { value: '0' }))}</div>
        <div class="actions">
          <button type="submit" class="primary">${t.save}</button>
          <button type="button" @click=${() => ((this.recording = undefined), (this.problems = []))}>${t.cancel}</button>
        </div>
      </fieldset>
    </form>`;
  }

  private startRecording(unit: EmergencyUnit): void {
    this.recording = unit;
    this.problems = [];
    this.status = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#r-kind')?.focus());
  }

  private async submit(e: SubmitEvent, unit: EmergencyUnit): Promise<void> {
    e.preventDefault();
    const store = this.data.store;
    if (!store) return;
    const f = readForm(e.target as HTMLFormElement);
    const num = (v: string | undefined) => (v ? Number(v) : null);
    const input = {
      id: `R-${globalThis.crypto?.randomUUID?.() ?? Date.now().toString(36)}`,
      unitId: unit.id,
      kind: f.kind as 'drill' | 'incident',
      // The form's local time is Beijing time.
      at: f.at ? `${f.at}:00+08:00` : '',
      times: { selfRescue: num(f.selfRescue) as number, mutualAid: num(f.mutualAid), reinforcement: num(f.reinforcement) },
      outcome: { detained: num(f.detained) ?? 0, disputesStopped: num(f.disputesStopped) ?? 0, helped: num(f.helped) ?? 0 },
    };
    const t = this.t;
    const fields = Object.fromEntries((['at', ...TIME_FIELDS, ...OUTCOME_FIELDS] as const).map((k) => [k, { id: `r-${k}`, label: t.fields[k] }]));
    fields.times = fields.mutualAid!;
    try {
      const decision = await recordResponseIn(store, input);
      if (decision.ok) {
        const { response, judgement } = decision.value;
        const parts = RESPONSE_STAGES.map((s) => t.part(t.stages[s], response.times[s] === null ? '' : String(response.times[s]), t.verdicts[judgement[s]]));
        this.status = t.judged(ownName(unit.name, this.locale), parts.join(t.sep));
        this.recording = undefined;
        this.problems = [];
        this.dispatchEvent(new CustomEvent<UnitResponseDetail>('bh-unit-response', { detail: decision.value, bubbles: true, composed: true }));
        return;
      }
      this.problems = [errorFor({ field: decision.reason.field, message: decision.reason.message[this.locale] }, fields)];
    } catch (error) {
      this.problems = [errorFor(argumentProblem(error, this.locale), fields)];
    }
    await this.updateComplete;
    focusErrorSummary(this.renderRoot);
  }
}

/** The events `<bh-emergency-units>` fires, with their `detail` types (all bubble and are composed). */
export interface BhEmergencyUnitsEventMap extends BihuanElementEventMap {
  'bh-unit-response': CustomEvent<UnitResponseDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhEmergencyUnits { addEventListener: AddTypedListener<BhEmergencyUnits, BhEmergencyUnitsEventMap>; removeEventListener: RemoveTypedListener<BhEmergencyUnits, BhEmergencyUnitsEventMap> }
