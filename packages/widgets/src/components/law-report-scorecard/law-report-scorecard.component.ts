import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { formatInstant } from '@bihuan/core/calendar';
import { chinaDate } from '@bihuan/core/export';
import { footRound } from '@bihuan/core/rate';
import { CANNOT_JUDGE, type Dimension, type EvaluationResult, type EvaluationScheme, type EvaluationSchemeInput, type EvaluationStore, type LawReport, type LawReportInput, type ReportCheck, type ScoreValue, type StoredScoreSheet, LawReportSchema, SIX_DIMENSIONS, SIX_DIMENSIONS_ID, checkReport, defineScheme, dimensionPoints, evaluationStoreSpec, formatScore, scoreEvaluation, scoreReport } from '@bihuan/core/evaluation';
import { InvalidArgumentError, parseArgument } from '@bihuan/core/schema';
import { type Guard, booleanGuard, idGuard, isPlainObject, nowGuard, plainObjectGuard, schemaGuard, storeGuard } from '../../internal/guard.js';
import { type ViewerActor, viewerOf } from '../../internal/session.js';
import { problemOf } from '../../internal/problem.js';
import { dataStyles } from '../../internal/data-styles.js';
import { emit } from '../../internal/emit.js';
import { nowMs, type NowInput } from '../../internal/now.js';
import { focusPreview, printButton, printPreview } from '../../internal/print-view.js';
import { errorSummary, errorSummaryStyles, focusErrorSummary, type FieldError } from '../../internal/error-summary.js';
import { FormAssociatedElement } from '../../internal/form-associated.js';
import { formStyles } from '../../internal/form-styles.js';
import { StoreController } from '../../internal/store-controller.js';
import { themeStyles } from '../../internal/styles.js';
import { joinClauses, joinList, ownName } from '../../internal/words.js';
import { scorecardMessages } from './law-report-scorecard.messages.js';
import { scorecardStyles } from './law-report-scorecard.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';

/** The scores as typed, by dimension id: a number's text, `cannotJudge`, or blank. */
export type ScoreDraft = Readonly<Record<string, string>>;

/** What `bh-scores-submitted` carries. */
export interface ScoresSubmittedDetail {
  readonly reportId: string;
  readonly assessor: string;
  readonly scores: Readonly<Record<string, ScoreValue>>;
  readonly result: EvaluationResult;
}

interface Loaded {
  readonly report: LawReport | undefined;
  readonly scheme: EvaluationSchemeInput | undefined;
  readonly sheets: readonly StoredScoreSheet[];
}

const fieldId = (dimension: string) => `f-${dimension}`;

/** The rule part of a core refusal ("must be from 0 to 100 (received 101)"), without function and path. */
function ruleText(error: InvalidArgumentError, locale: 'zh-CN' | 'en'): string {
  const text = error.text(locale);
  const at = text.indexOf(error.argument);
  return at >= 0 ? text.slice(at + error.argument.length).trim() : text;
}

/** The scores as a host may pre-fill them: `{ dimension: "92" }`, copied into a null-prototype record. */
const scoreDraftGuard: Guard = {
  expected: { 'zh-CN': '分数草稿对象（{ 维度: "92" }，值为文字）', en: 'a score draft object ({ dimension: "92" }, text values)' },
  check(value) {
    if (!isPlainObject(value)) return { ok: false };
    const entries = Object.entries(value);
    if (entries.length > 200 || !entries.every(([k, v]) => k.length <= 120 && typeof v === 'string' && v.length <= 50)) return { ok: false };
    const draft: Record<string, string> = Object.create(null);
    for (const [k, v] of entries) draft[k] = v as string;
    return { ok: true, value: draft };
  },
};

/**
 * An assessor's score card for one law report (述法评议): the report's completeness check (the
 * "double requirement", with the rule each failing claim breaks), a field per dimension on its own
 * scale (1–5 levels with "cannot judge" as radio buttons, 0–100 as a number), and the breakdown,
 * total and grade recomputed exactly as scores are typed, together with the other assessors'
 * stored sheets. Form-associated: inside a `<form>` it submits its sheet as JSON under `name` and
 * blocks submission while a score is missing or out of range; its own submit stores the sheet.
 *
 * On a synced store (`createSyncedStore`) the actor is the store's session's (id, name, unit), in
 * the `assessor` role; `assessor` then only chooses what is shown, and a session without that role is
 * offered no action.
 *
 * @tagname bh-law-report-scorecard
 * @summary Scores a law report by dimension, with its completeness check, breakdown and grade.
 *
 * @csspart base - The card.
 * @csspart check - The report's completeness check.
 * @csspart form - The scoring form.
 * @csspart error-summary - The list of errors shown after a refused submit (it takes focus).
 * @csspart breakdown - The breakdown table (dimension, points, average, score; total and grade).
 * @csspart status - Confirmation after saving.
 * @csspart submit - The submit button.
 * @csspart loading - The note shown while the records are read.
 * @csspart problem - The in-place message shown when the scheme or report is refused.
 * @csspart print-view - The 述法评议结果通知书 (`<bh-print-document>`), filled from the evaluation as it stands, once it is scored (its button opens it).
 *
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Hints and secondary text.
 * @cssprop [--bh-color-surface=#ffffff] - Background.
 * @cssprop [--bh-color-border=#d0d7de] - Borders.
 * @cssprop [--bh-color-accent=#0b5cad] - Buttons and focus rings.
 * @cssprop [--bh-color-good=#1a7f37] - An acceptable report.
 * @cssprop [--bh-color-bad=#b42318] - Errors and refusals.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Spacing.
 *
 * @attr {boolean} no-default-store - The page gives `store` itself (once signed in, say): until it does, the widget says it is reading and opens no database of this browser's own. Read when the widget connects.
 * @fires {CustomEvent<ScoresSubmittedDetail>} bh-scores-submitted - The sheet was stored; `detail`: `{ reportId, assessor, scores, result }`.
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The scheme or report was refused, or the store could not be read or written.
 */
export class BhLawReportScorecard extends FormAssociatedElement {
  static override styles = [themeStyles, formStyles, dataStyles, errorSummaryStyles, scorecardStyles];
  static override properties: PropertyDeclarations = {
    store: { attribute: false, guard: storeGuard },
    reportId: { type: String, attribute: 'report-id', guard: idGuard },
    assessor: { type: String, guard: idGuard },
    assessorUnit: { type: String, attribute: 'assessor-unit', guard: idGuard },
    name: { type: String, reflect: true, guard: idGuard },
    disabled: { type: Boolean, reflect: true, guard: booleanGuard },
    now: { guard: nowGuard },
    scheme: { attribute: false, guard: plainObjectGuard({ 'zh-CN': '评议方案对象（见 defineScheme）', en: 'an evaluation scheme object (see defineScheme)' }) },
    report: { attribute: false, guard: schemaGuard({ 'zh-CN': '述法报告对象（见 LawReportSchema）', en: 'a law report object (see LawReportSchema)' }, LawReportSchema, isPlainObject) },
    draft: { attribute: false, guard: scoreDraftGuard },
    loaded: { state: true },
    touched: { state: true },
    submitted: { state: true },
    busy: { state: true },
    notice: { state: true },
    saveProblem: { state: true },
    printing: { state: true },
  };

  /** Any `Store` with core's `evaluationStoreSpec` collections; the default IndexedDB store otherwise. */
  store?: EvaluationStore;
  /** Whether the result's print preview is open. */
  private printing = false;
  /** The report to score (its id in the store's `reports`). */
  reportId = '';
  /** Who is scoring: the sheet is stored under this id. */
  assessor = 'assessor';
  /** The unit the assessor acts for, stored on the sheet: core refuses to score a report of this same unit (`own_unit`). */
  assessorUnit = '';
  /** The name under which a host `<form>` receives the sheet (JSON). */
  name = '';
  disabled = false;
  /** The moment of submission (ISO instant, Date or ms); the clock's by default. */
  now: NowInput;
  /** A scheme to use instead of the stored one (the report's `schemeId`, or the six-dimension preset). */
  scheme?: EvaluationSchemeInput;
  /** A report to show instead of the stored one. */
  report?: LawReportInput;
  /** The scores as typed; set it to pre-fill the form. */
  draft: ScoreDraft = {};

  private loaded: Loaded | undefined;
  private touched = new Set<string>();
  private submitted = false;
  private busy = false;
  private notice = '';
  private saveProblem: string | undefined;
  private parsedScheme: { input: EvaluationSchemeInput; scheme: EvaluationScheme } | undefined;
  private readonly storeController = new StoreController(this, evaluationStoreSpec, async (store) => {
    const report = this.reportId ? await store.get('reports', this.reportId) : undefined;
    const scheme = report ? await store.get('schemes', report.schemeId) : undefined;
    const sheets = report ? (await store.all('sheets', { index: 'report', equals: report.id })).items : [];
    this.loaded = { report, scheme, sheets };
    const mine = sheets.find((s) => s.assessor === this.who.id);
    if (mine && Object.keys(this.draft).length === 0) this.draft = Object.fromEntries(Object.entries(mine.scores).map(([k, v]) => [k, String(v)]));
  });

  /** Shows every error and moves focus to the error summary; returns whether the sheet is valid. */
  reportValidity(): boolean {
    this.submitted = true;
    const ok = this.errors().size === 0;
    if (!ok) void this.updateComplete.then(() => focusErrorSummary(this.renderRoot));
    return ok;
  }

  formResetCallback(): void {
    this.draft = {};
    this.touched = new Set();
    this.submitted = false;
  }

  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  /** The sheet as typed: valid scores only. */
  get scores(): Record<string, ScoreValue> {
    const scheme = this.currentScheme();
    const errors = this.errors();
    const out: Record<string, ScoreValue> = {};
    for (const d of assessorDimensions(scheme)) {
      const raw = (this.draft[d.id] ?? '').trim();
      if (raw && !errors.has(fieldId(d.id))) out[d.id] = raw === CANNOT_JUDGE ? CANNOT_JUDGE : Number(raw);
    }
    return out;
  }

  /** The evaluation as it stands: the stored sheets of the other assessors and this one as typed. */
  get result(): EvaluationResult | undefined {
    const report = this.currentReport();
    if (!report) return undefined;
    const mine = this.scores;
    const others = (this.loaded?.sheets ?? []).filter((s) => s.assessor !== this.who.id);
    const sheets = Object.keys(mine).length ? [...others, this.sheet(report.id, mine)] : others;
    return scoreReport(this.currentScheme(), report, sheets);
  }

  /** Validates and stores the sheet. Resolves to true when stored; otherwise the errors are shown and focused. */
  async submit(): Promise<boolean> {
    const t = scorecardMessages[this.locale];
    this.notice = '';
    this.saveProblem = undefined;
    if (!this.reportValidity()) return false;
    const report = this.currentReport();
    if (!report || !this.who.role) return false;
    this.busy = true;
    try {
      const store = this.store ?? this.storeController.store;
      if (!store) throw this.storeController.error ?? new Error(t.saveFailed);
      const scores = this.scores;
      const result = this.result!;
      await store.put('sheets', this.sheet(report.id, scores), { actor: this.who });
      this.notice = t.submitted(this.who.id);
      emit<ScoresSubmittedDetail>(this, 'bh-scores-submitted', { reportId: report.id, assessor: this.who.id, scores, result });
      return true;
    } catch (error) {
      const problem = problemOf(error, this.locale);
      this.saveProblem = problem.message;
      emit(this, 'bh-problem', { ...problem, code: problem.code === 'unexpected' ? 'store_failed' : problem.code });
      await this.updateComplete;
      focusErrorSummary(this.renderRoot);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Who scores: the session's actor on a synced store (when it has the `assessor` role), `assessor`/`assessor-unit` otherwise. */
  private get who(): ViewerActor {
    return viewerOf(this.store, ['assessor'], { id: this.assessor, role: 'assessor', unit: this.assessorUnit });
  }

  /** This assessor's sheet, with their unit when given. */
  private sheet(reportId: string, scores: Record<string, ScoreValue>): StoredScoreSheet {
    const base = { reportId, assessor: this.who.id, scores, submittedAt: formatInstant(nowMs(this.now)) };
    return this.who.unit ? { ...base, unit: this.who.unit } : base;
  }

  private currentReport(): LawReport | undefined {
    if (this.report !== undefined) return parseArgument('bh-law-report-scorecard', 'report', LawReportSchema, this.report);
    return this.loaded?.report;
  }

  private currentScheme(): EvaluationScheme {
    const report = this.currentReport();
    const input = this.scheme ?? this.loaded?.scheme ?? (report === undefined || report.schemeId === SIX_DIMENSIONS_ID ? SIX_DIMENSIONS : undefined);
    if (input === undefined) {
      throw new InvalidArgumentError('bh-law-report-scorecard', 'scheme', { 'zh-CN': `找不到报告所用的评议方案 ${report!.schemeId}`, en: `the report's scheme ${report!.schemeId} is not in the store` }, report!.schemeId);
    }
    if (this.parsedScheme?.input !== input) this.parsedScheme = { input, scheme: defineScheme(input) };
    return this.parsedScheme.scheme;
  }

  /** Every field's error, by field id, whether shown yet or not. */
  private errors(): Map<string, string> {
    const t = scorecardMessages[this.locale];
    const scheme = this.currentScheme();
    const errors = new Map<string, string>();
    for (const d of assessorDimensions(scheme)) {
      const raw = (this.draft[d.id] ?? '').trim();
      if (raw === '') {
        if (scheme.missing === 'refuse') errors.set(fieldId(d.id), d.scale.cannotJudge ? t.required : t.requiredNoSkip);
        continue;
      }
      const value = raw === CANNOT_JUDGE ? CANNOT_JUDGE : Number(raw);
      if (typeof value === 'number' && Number.isNaN(value)) {
        errors.set(fieldId(d.id), t.notNumber);
        continue;
      }
      try {
        // Core's own check of one score against the scheme: the single source of the rule.
        scoreEvaluation(scheme, { subject: 'draft', sheets: [{ assessor: this.who.id || 'assessor', scores: { [d.id]: value } }] });
      } catch (error) {
        if (!(error instanceof InvalidArgumentError)) throw error;
        errors.set(fieldId(d.id), ruleText(error, this.locale));
      }
    }
    return errors;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('reportId') || changed.has('assessor')) && changed.get('reportId') !== undefined) void this.storeController.reload();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    let errors: Map<string, string>;
    try {
      errors = this.currentReport() ? this.errors() : new Map([['', scorecardMessages[this.locale].noReport]]);
    } catch {
      errors = new Map([['', 'invalid']]);
    }
    if (errors.size === 0) {
      this.internals.setFormValue(JSON.stringify({ reportId: this.currentReport()!.id, assessor: this.who.id, scores: this.scores }));
      this.internals.setValidity({});
    } else {
      const [id, message] = [...errors][0]!;
      this.internals.setFormValue(null);
      const anchor = (id && this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)) || undefined;
      this.internals.setValidity({ customError: true }, message, anchor);
    }
  }

  private set(dimension: string, value: string): void {
    this.draft = { ...this.draft, [dimension]: value };
    this.notice = '';
  }

  private onBlur = (event: FocusEvent): void => {
    const id = (event.composedPath()[0] as HTMLElement | undefined)?.dataset?.dimension;
    if (id && !this.touched.has(id)) this.touched = new Set(this.touched).add(id);
  };

  private onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.submit();
  };

  protected override renderContent(): unknown {
    const t = scorecardMessages[this.locale];
    const report = this.currentReport();
    if (!report) {
      const waiting = this.report === undefined && this.storeController.loading && !this.storeController.error;
      if (this.storeController.error && this.report === undefined) throw this.storeController.error;
      return html`<section class="card" part="base" aria-labelledby="sc-heading">
        <h2 class="heading" id="sc-heading">${t.heading}</h2>
        ${waiting ? html`<p class="empty" role="status" part="loading">${t.loading}</p>` : html`<p class="empty">${t.noReport}</p>`}
      </section>`;
    }
    const scheme = this.currentScheme();
    const check = checkReport(report);
    const errors = this.errors();
    const shown = new Map([...errors].filter(([id]) => this.submitted || this.touched.has(id.slice(2))));
    const summary: (FieldError | { message: string; label: string })[] = [...shown].map(([id, message]) => ({ id, label: labelOf(scheme, id.slice(2), this.locale), message }));
    if (this.saveProblem) summary.unshift({ label: t.saveFailed, message: this.saveProblem });
    const result = this.result!;
    return html`<section class="card" part="base" aria-labelledby="sc-heading">
      <div>
        <h2 class="heading" id="sc-heading">${t.heading}</h2>
        <p class="subject">${t.reportOf(ownName(report.unit, this.locale), report.reporter, report.period)} · ${t.claims(report.achievements.length, report.shortcomings.length)}</p>
      </div>
      ${this.renderCheck(check)}
      <form part="form" novalidate @submit=${this.onSubmit} @focusout=${this.onBlur} aria-label=${t.form(this.who.id)}>
        ${this.submitted || this.saveProblem ? errorSummary(() => this.renderRoot, t.errorTitle, summary) : nothing}
        <p class="status" part="status" role="status">${this.notice}</p>
        <fieldset ?disabled=${this.disabled || this.busy || !this.who.role}>
          <legend>${t.form(this.who.id)}</legend>
          ${assessorDimensions(scheme).map((d) => this.renderDimension(d, shown.get(fieldId(d.id))))}
        </fieldset>
        <div><button type="submit" class="primary" part="submit" ?disabled=${this.disabled || this.busy || !this.who.role}>${this.busy ? t.submitting : t.submit}</button></div>
      </form>
      ${this.renderBreakdown(scheme, result)}
      ${result.ok
        ? html`<div>${printButton('lawReport', t.printResult, this.printing, () => void this.togglePrint())}</div>
            ${this.printing
              ? printPreview({
                  document: 'lawReport',
                  locale: this.locale,
                  // The evaluation as it stands, dated the day it is printed (China time).
                  record: { id: report.id, unit: report.unit, reporter: report.reporter, ...(report.position ? { post: report.position } : {}), period: report.period, date: chinaDate(nowMs(this.now)), result },
                })
              : nothing}`
        : nothing}
    </section>`;
  }

  private async togglePrint(): Promise<void> {
    this.printing = !this.printing;
    await this.updateComplete;
    await focusPreview(this.renderRoot);
  }

  private renderCheck(check: ReportCheck): TemplateResult {
    const t = scorecardMessages[this.locale];
    return html`<section class="check ${check.acceptable ? '' : 'refused'}" part="check" aria-labelledby="sc-check">
      <h3 id="sc-check">${t.check}</h3>
      <p class="verdict">${check.acceptable ? t.acceptable : t.notAcceptable}</p>
      ${check.acceptable ? nothing : html`<ul>${check.problems.map((p) => html`<li data-rule=${p.rule}>${p.message[this.locale]}</li>`)}</ul>`}
    </section>`;
  }

  private renderDimension(d: Dimension, error: string | undefined): TemplateResult {
    const t = scorecardMessages[this.locale];
    const id = fieldId(d.id);
    const { min, max, step, cannotJudge } = d.scale;
    const value = this.draft[d.id] ?? '';
    const label = d.label[this.locale];
    const hint = joinClauses([t.scaleHint(min, max, step), cannotJudge ? t.cannotJudgeHint : ''].filter(Boolean), this.locale);
    const describedBy = [`${id}-hint`, error ? `${id}-error` : ''].filter(Boolean).join(' ');
    const errorText = error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing;
    const levels = step !== undefined && (max - min) / step <= 10 ? Array.from({ length: Math.round((max - min) / step) + 1 }, (_, i) => min + i * step) : undefined;
    if (levels) {
      const options = [...levels.map(String), ...(cannotJudge ? [CANNOT_JUDGE] : [])];
      return html`<fieldset aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'}>
        <legend>${label}</legend>
        <p class="hint" id="${id}-hint">${hint}</p>
        ${errorText}
        <div class="levels">
          ${options.map(
            (v, i) => html`<label class="choice"><input type="radio" name=${id} id=${i === 0 ? id : `${id}-${v}`} data-dimension=${d.id} value=${v} .checked=${value === v}
                @change=${() => this.set(d.id, v)} />${v === CANNOT_JUDGE ? t.cannotJudge : v}</label>`,
          )}
        </div>
      </fieldset>`;
    }
    return html`<div class="field">
      <label for=${id}>${label}</label>
      <p class="hint" id="${id}-hint">${hint}</p>
      ${errorText}
      <div class="row">
        <input type="number" id=${id} data-dimension=${d.id} inputmode="decimal" min=${min} max=${max} step=${step ?? 'any'} .value=${value === CANNOT_JUDGE ? '' : value}
          ?disabled=${value === CANNOT_JUDGE} aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'} @input=${(e: Event) => this.set(d.id, (e.target as HTMLInputElement).value)} />
        ${cannotJudge
          ? html`<label class="choice"><input type="checkbox" id="${id}-cj" data-dimension=${d.id} .checked=${value === CANNOT_JUDGE}
                @change=${(e: Event) => this.set(d.id, (e.target as HTMLInputElement).checked ? CANNOT_JUDGE : '')} />${t.cannotJudge}</label>`
          : nothing}
      </div>
    </div>`;
  }

  private renderBreakdown(scheme: EvaluationScheme, result: EvaluationResult): TemplateResult {
    const t = scorecardMessages[this.locale];
    const l = this.locale;
    const assessors = new Set([...(this.loaded?.sheets ?? []).map((s) => s.assessor), ...(Object.keys(this.scores).length ? [this.who.id] : [])]).size;
    const status = result.ok ? t.status(result.shown, result.grade.label[l]) : t.statusUnscored;
    const line = (id: string) => (result.ok ? result.breakdown.find((b) => b.dimension === id) : undefined);
    // Every figure beside a total is footed (core's largest-remainder rounding): the rows add up to
    // the total shown. data-foot-part / data-foot-total let a test check that on every rendering.
    const points = footRound(scheme.dimensions.map((d) => dimensionPoints(scheme, d)));
    const shownContribution = (id: string) => {
      if (!result.ok) return undefined;
      const i = result.breakdown.findIndex((b) => b.dimension === id);
      return i < 0 ? undefined : result.shownParts.contributions[i];
    };
    return html`<div class="table-wrap" part="breakdown" role="region" aria-label=${t.breakdown(assessors)} tabindex="0">
      <table data-foot>
        <caption>${t.breakdown(assessors)}</caption>
        <thead><tr><th scope="col">${t.dimension}</th><th scope="col" class="num">${t.points}</th><th scope="col" class="num">${t.average}</th><th scope="col" class="num">${t.contribution}</th></tr></thead>
        <tbody>
          ${scheme.dimensions.map((d, i) => {
            const b = line(d.id);
            const excluded = b ? t.excluded(b.trimmed.length, b.cannotJudge.length) : '';
            const contribution = shownContribution(d.id);
            return html`<tr>
              <th scope="row">${d.label[l]}${d.source === 'preTest' ? html`<span class="muted">${t.preTest}</span>` : nothing}${excluded ? html`<br /><span class="muted">${excluded}</span>` : nothing}</th>
              <td class="num" data-foot-part="points">${points.parts[i]}</td>
              <td class="num">${b ? formatScore(b.average) : '—'}</td>
              <td class="num" data-foot-part=${contribution === undefined ? nothing : 'score'}>${contribution ?? '—'}</td>
            </tr>`;
          })}
          ${result.ok && result.adjustments.length
            ? html`<tr><th scope="row">${t.bonus}${result.bonusCapped ? t.capped : ''}</th><td></td><td></td><td class="num" data-foot-part="score">+${result.shownParts.bonus}</td></tr>
                <tr><th scope="row">${t.penalty}${result.penaltyCapped ? t.capped : ''}</th><td></td><td></td><td class="num" data-foot-part="score">${result.shownParts.penalty}</td></tr>`
            : nothing}
        </tbody>
        <tfoot>
          <tr class="total-row"><th scope="row">${t.total}</th><td class="num" data-foot-total="points">${points.total}</td><td></td><td class="num" data-foot-total=${result.ok ? 'score' : nothing}>${result.ok ? result.shown : '—'}</td></tr>
          <tr><th scope="row">${t.grade}</th><td colspan="3" class="num grade">${result.ok ? result.grade.label[l] : '—'}</td></tr>
        </tfoot>
      </table>
      ${result.ok && result.vetoed.length ? html`<p class="reasons">${t.vetoed(joinList(result.vetoed.map((v) => v.label[l]), l))}</p>` : nothing}
      ${result.ok ? nothing : html`<p class="reasons">${t.unscored}${joinClauses(result.reasons.map((r) => r.message[l]), l)}</p>`}
      <p class="visually-hidden" aria-live="polite">${status}</p>
    </div>`;
  }
}

function assessorDimensions(scheme: EvaluationScheme): readonly Dimension[] {
  return scheme.dimensions.filter((d) => d.source === 'assessors');
}

function labelOf(scheme: EvaluationScheme, dimension: string, locale: 'zh-CN' | 'en'): string {
  return scheme.dimensions.find((d) => d.id === dimension)?.label[locale] ?? dimension;
}

/** The events `<bh-law-report-scorecard>` fires, with their `detail` types (all bubble and are composed). */
export interface BhLawReportScorecardEventMap extends BihuanElementEventMap {
  'bh-scores-submitted': CustomEvent<ScoresSubmittedDetail>;
}

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhLawReportScorecard { addEventListener: AddTypedListener<BhLawReportScorecard, BhLawReportScorecardEventMap>; removeEventListener: RemoveTypedListener<BhLawReportScorecard, BhLawReportScorecardEventMap> }
