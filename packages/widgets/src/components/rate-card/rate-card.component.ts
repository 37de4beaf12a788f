import { html, nothing, type PropertyDeclarations } from 'lit';
import { type Fraction, type Rounding, NO_VALUE, formatFraction, formatRate, pointsBetween, shareOf } from '@bihuan/core/rate';
import { BihuanElement } from '../../internal/bihuan-element.js';
import { themeStyles } from '../../internal/styles.js';
import { rateCardMessages } from './rate-card.messages.js';
import { rateCardStyles } from './rate-card.styles.js';
import type { AddTypedListener, BihuanElementEventMap, RemoveTypedListener } from '../../events.js';
import { booleanGuard, numberGuard, oneOfGuard, textGuard } from '../../internal/guard-base.js';
import { formatNumber } from '../../internal/format.js';
import { rateName } from '../../internal/rate-names.js';

const labelGuard = textGuard(200);
/** Counts: any finite number up to 2^53 (negative or fractional counts are refused by the card itself, with its own words). */
const countGuard = numberGuard(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);

/**
 * One rate with its counts in words — 受理 425 件，化解 406 件 → 95.53% — and, optionally, its
 * change against a previous period in percentage points, with an arrow whose meaning is also
 * written out. With no cases it shows "—", never NaN% or 0%.
 *
 * @tagname bh-rate-card
 * @summary Shows an exact rate (完成率, 化解率 …) with its counts and change.
 *
 * @csspart base - The card (a `<figure>`).
 * @csspart label - The rate's name.
 * @csspart value - The rate itself, e.g. `95.53%`.
 * @csspart counts - The counts in words.
 * @csspart change - The change against the previous period.
 * @csspart problem - The in-place message shown when the counts are refused.
 *
 * @cssprop [--bh-font-family=system-ui, 'PingFang SC', 'Microsoft YaHei', sans-serif] - Font of every bihuan widget.
 * @cssprop [--bh-color-text=#1f2328] - Main text colour.
 * @cssprop [--bh-color-muted=#57606a] - Secondary text colour.
 * @cssprop [--bh-color-surface=#ffffff] - Card background.
 * @cssprop [--bh-color-border=#d0d7de] - Card border.
 * @cssprop [--bh-color-good=#1a7f37] - A change for the better.
 * @cssprop [--bh-color-bad=#b42318] - A change for the worse, and problems.
 * @cssprop [--bh-radius=8px] - Corner radius.
 * @cssprop [--bh-space=12px] - Inner spacing.
 * @cssprop [--bh-rate-card-value-size=2rem] - Size of the rate.
 * @cssprop [--bh-rate-card-value-color=var(--bh-color-text)] - Colour of the rate.
 *
 * @fires {CustomEvent<ProblemDetail>} bh-problem - The counts were refused (negative, fractional, numerator above denominator …).
 */
export class BhRateCard extends BihuanElement {
  static override styles = [themeStyles, rateCardStyles];

  static override properties: PropertyDeclarations = {
    label: { type: String, guard: labelGuard },
    numerator: { type: Number, guard: countGuard },
    denominator: { type: Number, guard: countGuard },
    numeratorLabel: { type: String, attribute: 'numerator-label', guard: labelGuard },
    denominatorLabel: { type: String, attribute: 'denominator-label', guard: labelGuard },
    unit: { type: String, guard: labelGuard },
    previousNumerator: { type: Number, attribute: 'previous-numerator', guard: countGuard },
    previousDenominator: { type: Number, attribute: 'previous-denominator', guard: countGuard },
    previousLabel: { type: String, attribute: 'previous-label', guard: labelGuard },
    lowerIsBetter: { type: Boolean, attribute: 'lower-is-better', guard: booleanGuard },
    decimals: { type: Number, guard: numberGuard(0, 6, true) },
    rounding: { type: String, guard: oneOfGuard(['half-up', 'half-even']) },
  };

  /** The rate's name, e.g. 化解率. */
  label = '';
  /** The items that count, e.g. 406 resolved. */
  numerator?: number;
  /** All items, e.g. 425 accepted. */
  denominator?: number;
  /** Word for the numerator, e.g. 化解. */
  numeratorLabel = '';
  /** Word for the denominator, e.g. 受理. */
  denominatorLabel = '';
  /** Measure word after each count, e.g. 件. */
  unit = '';
  /** The previous period's numerator, for the change. */
  previousNumerator?: number;
  /** The previous period's denominator, for the change. */
  previousDenominator?: number;
  /** Name of the previous period, e.g. 去年同期 (default 上期 / the previous period). */
  previousLabel = '';
  /** A rise is good news unless this is set (e.g. an overdue rate): it swaps the better/worse colours and words. */
  lowerIsBetter = false;
  /** Digits after the decimal point, at most. */
  decimals = 2;
  /** `half-up` (default, as the source prints rates) or `half-even` (GB/T 8170). */
  rounding: Rounding = 'half-up';

  /** The exact rate, for hosts that sort or compare cards; `null` with no cases or refused counts. */
  get rate(): Fraction | null {
    try {
      return shareOf(this.numerator ?? 0, this.denominator ?? 0);
    } catch {
      return null; // counts the card refuses (it says why in place)
    }
  }

  protected override renderContent(): unknown {
    const t = rateCardMessages[this.locale];
    const numerator = this.numerator ?? 0;
    const denominator = this.denominator ?? 0;
    const value = formatRate(numerator, denominator, { decimals: this.decimals, rounding: this.rounding });
    const count = { format: formatNumber };
    // Words of our own rate cards (综治中心化解率, 受理, 件) in English on an English page (rate-names.ts).
    const own = (text: string) => rateName(text, this.locale);
    const counts = t.counts(
      own(this.denominatorLabel) || t.defaultDenominatorLabel,
      count.format(denominator),
      own(this.numeratorLabel) || t.defaultNumeratorLabel,
      count.format(numerator),
      own(this.unit),
    );
    return html`<figure class="card" part="base" role="group" aria-labelledby="label">
      <figcaption class="label" part="label" id="label">${own(this.label)}</figcaption>
      <div class="value" part="value">
        ${value === NO_VALUE ? html`<span aria-hidden="true">${NO_VALUE}</span><span class="visually-hidden">${t.noCases}</span>` : value}
      </div>
      <p class="counts" part="counts">${counts}</p>
      ${value === NO_VALUE ? html`<p class="empty">${t.noCases}</p>` : nothing} ${this.renderChange(numerator, denominator)}
    </figure>`;
  }

  private renderChange(numerator: number, denominator: number): unknown {
    if (this.previousNumerator === undefined && this.previousDenominator === undefined) return nothing;
    const t = rateCardMessages[this.locale];
    const previous = rateName(this.previousLabel, this.locale) || t.defaultPrevious;
    const current = [numerator, denominator] as const;
    const before = [this.previousNumerator ?? 0, this.previousDenominator ?? 0] as const;
    const diff = pointsBetween(current, before);
    if (!diff) {
      return html`<p class="change none" part="change">${denominator === 0 ? t.noCases : t.noPrevious(previous)}</p>`;
    }
    // The difference already worked out, written as points (× 100): formatPoints would work it out again.
    const rounded = formatFraction(diff, 100n, { decimals: this.decimals, rounding: this.rounding, trimZeros: true }).replace(/^-/, '');
    if (Number(rounded.replace(/,/g, '')) === 0) {
      return html`<p class="change flat" part="change"><span aria-hidden="true">＝</span>${t.flat(previous)}</p>`;
    }
    const rising = diff.numerator > 0n;
    const better = rising !== this.lowerIsBetter;
    return html`<p class="change ${better ? 'better' : 'worse'}" part="change">
      <span aria-hidden="true">${rising ? '▲' : '▼'}</span>
      <span>${rising ? t.up(rounded, previous) : t.down(rounded, previous)}${better ? t.better : t.worse}</span>
    </p>`;
  }
}

/** The events `<bh-rate-card>` fires, with their `detail` types (all bubble and are composed). */
export type BhRateCardEventMap = BihuanElementEventMap;

// Listeners typed by the map above: `detail` needs no cast, and a misspelled name does not compile.
export interface BhRateCard { addEventListener: AddTypedListener<BhRateCard, BhRateCardEventMap>; removeEventListener: RemoveTypedListener<BhRateCard, BhRateCardEventMap> }
