import { html, nothing, svg, type PropertyDeclarations } from 'lit';
import { NO_VALUE, formatPoints, formatRate } from '@bihuan/core/rate';
import { InvalidArgumentError } from '@bihuan/core/schema';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { themeStyles } from '../../internal/styles.js';
import { rateTrendMessages } from './rate-trend.messages.js';
import { rateTrendStyles } from './rate-trend.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { oneOfGuard, textGuard } from '../../internal/guard-base.js';
import { aside } from '../../internal/words.js';
import { rateName } from '../../internal/rate-names.js';

/** One period's (or one station's) counts: `numerator` of `denominator` (化解 406 of 受理 425). */
export interface RateTrendPoint {
  /** The period key (`2026-03`) or the station's id. */
  readonly key: string;
  /** What the axis and table show for it (`3月`, `城关派出所`); the key when absent. */
  readonly label?: string;
  readonly numerator: number;
  readonly denominator: number;
}

/** A line of points, e.g. this year month by month; a second series (last year) is drawn dashed. */
export interface RateTrendSeries {
  readonly name: string;
  readonly points: readonly RateTrendPoint[];
}

/** The rate every bar is read against, e.g. the county's 完成率. */
export interface RateTrendReference {
  readonly name: string;
  readonly numerator: number;
  readonly denominator: number;
}

const W = 320;
const H = 150;
const LEFT = 34;
const TOP = 8;
const BOTTOM = 22;
const PLOT = H - TOP - BOTTOM;
const MAX_POINTS = 400;

const share = (p: { numerator: number; denominator: number }): number | undefined => (p.denominator > 0 ? p.numerator / p.denominator : undefined);
const y = (v: number): number => TOP + PLOT * (1 - v);

/**
 * A rate by period as a small chart — the 化解率 or 完成率 month by month, this year against last —
 * or, with `kind="bars"`, a bar per station with the county's rate as a line. Hand-written SVG; the
 * numbers behind it are a table for screen readers and print, with a text summary. Every point
 * takes keyboard focus (arrow keys move between points, up and down between series) and says its
 * exact value, as core's `formatRate` prints it.
 *
 * @tagname bh-rate-trend
 * @summary A rate by period (or by station) as an accessible SVG chart, with its table and summary.
 *
 * @csspart base - The chart's frame (a `<figure>`).
 * @csspart label - The chart's title.
 * @csspart chart - The SVG drawing.
 * @csspart point - Each point or bar (focusable).
 * @csspart legend - The series' names.
 * @csspart focus - The focused point's value in words.
 * @csspart summary - The text summary.
 * @csspart table - The figures as a table (hidden on screen, read by screen readers, printed).
 * @csspart problem - The in-place message shown when the figures are refused.
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text colour.
 * @cssprop [--bh-color-surface=#ffffff] - Background.
 * @cssprop [--bh-color-border=#d0d7de] - Frame and axis.
 * @cssprop [--bh-color-accent=#0969da] - Accent colour.
 * @cssprop [--bh-color-bad=#b42318] - Problems.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Inner spacing.
 * @cssprop [--bh-rate-trend-color=var(--bh-color-accent)] - The first series and the bars.
 * @cssprop [--bh-rate-trend-compare-color=var(--bh-color-muted)] - The second series (last year).
 * @cssprop [--bh-rate-trend-reference-color=var(--bh-color-text)] - The reference line (the county's rate).
 * @cssprop [--bh-rate-trend-below-color=var(--bh-color-bad)] - Bars below the reference.
 * @cssprop [--bh-rate-trend-height=16rem] - The chart's greatest height.
 *
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The figures were refused (not a list, a numerator above its denominator …).
 */
export class BhRateTrend extends BihuanElement {
  static override styles = [themeStyles, rateTrendStyles];

  static override properties: PropertyDeclarations = {
    label: { type: String, guard: textGuard(200) },
    kind: { type: String, guard: oneOfGuard(['line', 'bars']) },
    series: { attribute: false },
    reference: { attribute: false },
    active: { state: true },
  };

  /** The rate's name, e.g. 化解率. */
  label = '';

  /** The label as shown: a name of ours (化解率) in English on an English page. */
  private get shownLabel(): string {
    return rateName(this.label, this.locale);
  }
  /** `line` (default): the rate by period; `bars`: a bar per point of the first series against `reference`. */
  kind: 'line' | 'bars' = 'line';
  /** One or two series (this year, last year); the points of both are aligned by position. */
  series: readonly RateTrendSeries[] = [];
  /** For `bars`: the rate drawn across them as a line. */
  reference: RateTrendReference | null = null;
  /** The focusable point: [series, index]. */
  private active: readonly [number, number] = [0, 0];

  private checked(): readonly RateTrendSeries[] {
    const list = this.series;
    const bad = (path: string, value: unknown): never => {
      throw new InvalidArgumentError('bh-rate-trend', path, { 'zh-CN': '必须是 [{ name, points: [{ key, numerator, denominator }] }]，至多两组', en: 'must be [{ name, points: [{ key, numerator, denominator }] }], two series at most' }, value);
    };
    if (!Array.isArray(list) || list.length > 2) return bad('series', list);
    list.forEach((s, i) => {
      if (!s || typeof s.name !== 'string' || !Array.isArray(s.points) || s.points.length > MAX_POINTS) bad(`series[${i}]`, s);
      // formatRate refuses negative, fractional or excessive counts with its own words.
      (s.points as readonly RateTrendPoint[]).forEach((p: RateTrendPoint, j: number) => (p && typeof p.key === 'string' ? formatRate(p.numerator, p.denominator) : bad(`series[${i}].points[${j}]`, p)));
    });
    if (this.reference) formatRate(this.reference.numerator, this.reference.denominator);
    return list;
  }

  protected override renderContent(): unknown {
    const t = rateTrendMessages[this.locale];
    const list = this.checked();
    const length = Math.max(0, ...list.map((s) => s.points.length));
    const body =
      length === 0
        ? html`<p class="summary" part="summary">${t.empty}</p>`
        : html`${this.renderChart(list, length)}
            <ul class="legend" part="legend">
              ${list.map((s, i) => html`<li><span class="swatch s${i}" aria-hidden="true"></span>${s.name}</li>`)}
              ${this.kind === 'bars' && this.reference ? html`<li><span class="swatch ref" aria-hidden="true"></span>${t.reference(this.reference.name, formatRate(this.reference.numerator, this.reference.denominator))}</li>` : nothing}
            </ul>
            <p class="focus" part="focus" aria-live="polite">${this.focusText(list)}</p>
            <p class="summary" part="summary">${this.summary(list)}</p>
            ${this.renderTable(list, length)}`;
    return html`<figure class="trend" part="base" role="group" aria-labelledby="label">
      <figcaption class="label" part="label" id="label">${this.shownLabel}</figcaption>
      ${body}
    </figure>`;
  }

  private pointText(s: RateTrendSeries, p: RateTrendPoint): string {
    const rate = formatRate(p.numerator, p.denominator);
    return rateTrendMessages[this.locale].point(s.name, p.label ?? p.key, this.shownLabel, rate === NO_VALUE ? rateTrendMessages[this.locale].noCases : rate, p.numerator, p.denominator);
  }

  private focusText(list: readonly RateTrendSeries[]): string {
    const [si, pi] = this.active;
    const s = list[si];
    const p = s?.points[pi];
    return s && p && this.matches(':focus-within') ? this.pointText(s, p) : '';
  }

  private renderChart(list: readonly RateTrendSeries[], length: number): unknown {
    const t = rateTrendMessages[this.locale];
    const step = (W - LEFT - 8) / Math.max(1, length);
    const x = (i: number): number => LEFT + step * (i + 0.5);
    const [as, ap] = this.active;
    const focusable = (si: number, pi: number): number => (si === as && pi === ap ? 0 : -1);
    const point = (si: number, pi: number, p: RateTrendPoint, shape: unknown) =>
      svg`<g class="point" part="point" role="img" tabindex=${focusable(si, pi)} aria-label=${this.pointText(list[si]!, p)} data-s=${si} data-i=${pi}
        @focus=${() => this.focusPoint(si, pi, false)} @keydown=${(e: KeyboardEvent) => this.onKey(e, list)}>${shape}</g>`;
    const grid = [0, 0.5, 1].map((v) => svg`<line class="axis" x1=${LEFT} x2=${W - 4} y1=${y(v)} y2=${y(v)}></line><text class="tick" x=${LEFT - 4} y=${y(v) + 4} text-anchor="end">${v * 100}%</text>`);
    const labels = (list[0]?.points ?? []).map((p, i) => (length <= 16 || i % Math.ceil(length / 12) === 0 ? svg`<text class="tick" x=${x(i)} y=${H - 6} text-anchor="middle">${p.label ?? p.key}</text>` : nothing));
    let marks: unknown;
    if (this.kind === 'bars') {
      const ref = this.reference ? share(this.reference) : undefined;
      const width = Math.max(2, step * 0.6);
      marks = svg`${(list[0]?.points ?? []).map((p, i) => {
        const v = share(p) ?? 0;
        return point(0, i, p, svg`<rect class="bar ${ref !== undefined && v < ref ? 'below' : ''}" x=${x(i) - width / 2} y=${y(v)} width=${width} height=${Math.max(0, y(0) - y(v))}></rect><rect class="ring" x=${x(i) - width / 2 - 2} y=${y(v) - 2} width=${width + 4} height=${Math.max(0, y(0) - y(v)) + 4}></rect>`);
      })}${ref === undefined ? nothing : svg`<line class="reference" x1=${LEFT} x2=${W - 4} y1=${y(ref)} y2=${y(ref)}></line>`}`;
    } else {
      marks = list.map((s, si) => {
        // A period without cases breaks the line: no rate to draw.
        const path = s.points.map((p, i) => (share(p) === undefined ? '' : `${i === 0 || share(s.points[i - 1]!) === undefined ? 'M' : 'L'}${x(i).toFixed(1)},${y(share(p)!).toFixed(1)}`)).join(' ');
        return svg`<path class="line s${si}" d=${path}></path>${s.points.map((p, i) => {
          const v = share(p);
          return v === undefined ? nothing : point(si, i, p, svg`<circle class="s${si}" cx=${x(i)} cy=${y(v)} r="3.5"></circle><circle class="ring" cx=${x(i)} cy=${y(v)} r="7"></circle>`);
        })}`;
      });
    }
    return html`<svg part="chart" viewBox="0 0 ${W} ${H}" role="group" aria-label=${`${t.chart(this.shownLabel)}${this.locale === 'en' ? '. ' : '。'}${t.keys}`}>${grid}${labels}${marks}</svg>`;
  }

  private focusPoint(si: number, pi: number, move: boolean): void {
    this.active = [si, pi];
    if (move) void this.updateComplete.then(() => (this.renderRoot.querySelector(`.point[data-s="${si}"][data-i="${pi}"]`) as SVGGElement | null)?.focus());
    else this.requestUpdate();
  }

  private onKey(e: KeyboardEvent, list: readonly RateTrendSeries[]): void {
    const [si, pi] = this.active;
    const drawn = (s: number) => (list[s]?.points ?? []).map((p, i) => (share(p) === undefined && this.kind !== 'bars' ? -1 : i)).filter((i) => i >= 0);
    const here = drawn(si);
    const at = here.indexOf(pi);
    let next: [number, number] | undefined;
    if (e.key === 'ArrowRight' && at < here.length - 1) next = [si, here[at + 1]!];
    else if (e.key === 'ArrowLeft' && at > 0) next = [si, here[at - 1]!];
    else if (e.key === 'Home' && here.length) next = [si, here[0]!];
    else if (e.key === 'End' && here.length) next = [si, here[here.length - 1]!];
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && this.kind !== 'bars') {
      const other = e.key === 'ArrowDown' ? si + 1 : si - 1;
      const there = drawn(other);
      if (there.length) next = [other, there.reduce((best, i) => (Math.abs(i - pi) < Math.abs(best - pi) ? i : best), there[0]!)];
    }
    if (!next) return;
    e.preventDefault();
    this.focusPoint(next[0], next[1], true);
  }

  private summary(list: readonly RateTrendSeries[]): string {
    const t = rateTrendMessages[this.locale];
    const first = list[0];
    if (!first) return t.empty;
    if (this.kind === 'bars') {
      const counted = first.points.filter((p) => p.denominator > 0);
      if (!counted.length) return t.empty;
      const sorted = counted.slice().sort((a, b) => b.numerator * a.denominator - a.numerator * b.denominator);
      const name = (p: RateTrendPoint) => p.label ?? p.key;
      const parts = [t.highest(name(sorted[0]!), formatRate(sorted[0]!.numerator, sorted[0]!.denominator)), t.lowest(name(sorted.at(-1)!), formatRate(sorted.at(-1)!.numerator, sorted.at(-1)!.denominator))];
      const ref = this.reference;
      if (ref && ref.denominator > 0) {
        // Exact comparison on the counts: a/b < c/d ⇔ a·d < c·b.
        const below = counted.filter((p) => BigInt(p.numerator) * BigInt(ref.denominator) < BigInt(ref.numerator) * BigInt(p.denominator)).length;
        parts.push(t.below(below, ref.name), t.above(counted.length - below, ref.name));
      }
      return parts.join(t.sep);
    }
    let i = first.points.length - 1;
    while (i >= 0 && first.points[i]!.denominator === 0) i--;
    if (i < 0) return t.empty;
    const p = first.points[i]!;
    let text = t.latest(first.name, p.label ?? p.key, this.shownLabel, formatRate(p.numerator, p.denominator));
    const q = list[1]?.points[i];
    if (list[1] && q) {
      text += t.against(list[1].name, formatRate(q.numerator, q.denominator));
      const points = formatPoints([p.numerator, p.denominator], [q.numerator, q.denominator], { signDisplay: 'always' });
      if (points !== NO_VALUE) text += t.change(points);
    }
    return text;
  }

  private renderTable(list: readonly RateTrendSeries[], length: number): unknown {
    const t = rateTrendMessages[this.locale];
    const rows = Array.from({ length }, (_, i) => i);
    const cell = (p: RateTrendPoint | undefined) => (p ? `${formatRate(p.numerator, p.denominator)}${this.locale === 'en' ? ' ' : ''}${aside(`${p.numerator}/${p.denominator}`, this.locale)}` : NO_VALUE);
    // Hidden on screen (a table keeps its content's width, so the wrapper is what is clipped), printed.
    return html`<div class="data visually-hidden"><table part="table">
      <caption>${t.table(this.shownLabel)}</caption>
      <thead><tr><th scope="col">${t.period}</th>${list.map((s) => html`<th scope="col">${s.name}</th>`)}</tr></thead>
      <tbody>${rows.map((i) => html`<tr><th scope="row">${list[0]?.points[i]?.label ?? list[0]?.points[i]?.key ?? list[1]?.points[i]?.label ?? ''}</th>${list.map((s) => html`<td>${cell(s.points[i])}</td>`)}</tr>`)}</tbody>
    </table></div>`;
  }
}

/** The events `<bh-rate-trend>` fires, with their `detail` types (all bubble and are composed). */
export type BhRateTrendEventMap = BihuanElementEventMap;

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhRateTrend { addEventListener: AddTypedListener<BhRateTrend, BhRateTrendEventMap>; removeEventListener: RemoveTypedListener<BhRateTrend, BhRateTrendEventMap> }
