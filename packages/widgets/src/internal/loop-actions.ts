import { html, nothing, type TemplateResult } from 'lit';
import { formatInstant } from '@bihuan/core/calendar';
import { type AnyLoopDefinition, type LoopEvent, type Refusal, type Snapshot, availableEvents } from '@bihuan/core/loop';
import { type Locale } from '@bihuan/core/schema';
import { type Collections, type Store, applyLoopEvent } from '@bihuan/core/store';
import { type ActionTable, actionForm, actionPayload, focusActionForm } from './action-form.js';
import { emit } from './emit.js';
import { problemOf } from './problem.js';
import { standalone } from './words.js';
import { byRule } from './escalation-view.js';

/** The action open on a row: which item, which event, and what the loop refused last. */
export interface OpenAction {
  readonly id: string;
  readonly event: string;
  readonly problem?: string;
}

/** What a loop widget's transition event carries: the item, the event applied, the state reached. */
export interface LoopTransitionDetail<E extends string = string, S extends string = string> {
  readonly id: string;
  readonly event: E;
  readonly state: S;
}

/** What a loop widget's refused event carries: the loop's refusal (code, zh-CN/en message …). */
export interface LoopRefusedDetail<E extends string = string> {
  readonly id: string;
  readonly event: E;
  readonly reason: Refusal;
}

export interface LoopActionsHost extends HTMLElement {
  readonly locale: Locale;
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly updateComplete: Promise<boolean>;
  requestUpdate(): void;
}

/** What a row's action table works an event's form out from: the item and the page's language. */
export interface RowContext {
  readonly item: Snapshot;
  readonly locale: Locale;
}

/** What the store answered for one event: the accepted snapshot, or the loop's refusal, or the store's failure in words. */
export type ActionOutcome = { readonly ok: true; readonly snapshot: Snapshot } | { readonly ok: false; readonly reason?: Refusal; readonly problem?: string };

/** One event through the store, the domain's own way; resolves to the accepted snapshot or the loop's refusal. */
export type ActionStep = (store: Store<Collections>, id: string, event: LoopEvent) => Promise<{ ok: true; snapshot: Snapshot } | { ok: false; reason: Refusal }>;

export interface LoopActionsOptions {
  readonly def: AnyLoopDefinition;
  readonly collection: string;
  /** The domain's action table for the row buttons (`render`): the fields, defaults and payload of each event that asks for something (events without an entry take no payload). */
  readonly actions?: ActionTable<string, RowContext>;
  /** Events never offered as row buttons (run another way, e.g. by a sweep). */
  readonly hidden?: readonly string[];
  /** The widget's transition event name, e.g. `bh-rectification-transition` (its refusal: `-refused`); none when the widget tells the host itself (`accepted`, `refused`). */
  readonly eventName?: string;
  /**
   * Runs the widget's own write (its `StoreController.write`), so that the store's notice of it
   * does not load the list again; the store is called directly otherwise.
   */
  readonly write?: <T>(action: (store: Store<Collections>) => Promise<T>) => Promise<T>;
  /** The domain's own store path for one event (one that checks attachments, or writes a linked record in the same batch); `applyLoopEvent` otherwise. */
  readonly step?: ActionStep;
  /** The accepted snapshot, for the widget to put in its list in place of the old one. */
  readonly applied?: (snapshot: Snapshot) => void;
  /** Tells the host of an accepted event in the widget's own words (instead of `eventName`). */
  readonly accepted?: (id: string, event: string, snapshot: Snapshot) => void;
  /** Tells the host of a refused event in the widget's own words (instead of `eventName`'s `-refused`). */
  readonly refused?: (id: string, event: string, reason: Refusal) => void;
}

interface Texts {
  readonly confirm: string;
  readonly cancel: string;
  readonly actionsFor: (title: string) => string;
  readonly done: (action: string, state: string) => string;
  readonly next: (steps: readonly { role: string; actions: readonly string[] }[]) => string;
  readonly closed: string;
}

const TEXTS: Readonly<Record<Locale, Texts>> = {
  'zh-CN': {
    confirm: '确定',
    cancel: '取消',
    actionsFor: (title) => `“${title}”的操作`,
    done: (action, state) => `已${action}，当前状态：${state}。`,
    next: (steps) => `下一步：${steps.map((s) => `${s.role}可${s.actions.map((a) => `“${a}”`).join('、')}`).join('；')}。`,
    closed: '已办结，没有后续操作。',
  },
  en: {
    confirm: 'Confirm',
    cancel: 'Cancel',
    actionsFor: (title) => `Actions for "${title}"`,
    done: (action, state) => `Done: ${action}. Now ${state}.`,
    next: (steps) => `Next: ${steps.map((s) => `the ${s.role} can ${s.actions.map((a) => `"${a}"`).join(' or ')}`).join('; ')}.`,
    closed: 'Closed: nothing more to do.',
  },
};

type Labelled = { readonly label: Readonly<Record<Locale, string>> };


/**
 * Who acts next on `item`, in words, from the loop's definition: every role and the events it may
 * send in the state reached ("下一步：核验人可“核验通过”、“退回”").
 */
export function nextStepText(def: AnyLoopDefinition, item: Snapshot, locale: Locale, hidden: readonly string[] = []): string {
  const t = TEXTS[locale];
  const roles = def.roles as Readonly<Record<string, Labelled>>;
  const events = def.events as Readonly<Record<string, Labelled>>;
  const steps = Object.keys(roles)
    .map((role) => ({ role: roles[role]!.label[locale], actions: availableEvents(def, item, role).filter((e) => !hidden.includes(e) && !byRule(e)).map((e) => events[e]!.label[locale]) }))
    .filter((s) => s.actions.length > 0);
  return steps.length ? t.next(steps) : t.closed;
}

/**
 * The one controller every widget that sends loop events runs its actions with. `apply` sends one
 * event through the store — one write (the widget's own, so its notice loads nothing again), the
 * accepted record handed back from the write's own result, a refusal kept with its rule for the
 * widget to show in place — and tells the host. For a store-backed list, `render` gives a row's
 * buttons (the events the viewer's role may send) and an inline form, from the domain's action
 * table, for those that need a payload; a refusal is shown in the form (role=alert).
 */
export class LoopActions {
  open: OpenAction | undefined;
  /** The last action applied, said next to its row: what was done and who acts next. */
  done: { readonly id: string; readonly text: string } | undefined;

  constructor(
    private readonly host: LoopActionsHost,
    private readonly options: LoopActionsOptions,
  ) {}

  /** The action buttons (and the open form) of one item, for a viewer in `role`. */
  render(item: Snapshot, title: string, role: string, store: Store<Collections> | undefined, actor: () => { id: string; role: string }, now: () => number): TemplateResult | typeof nothing {
    const o = this.options;
    const locale = this.host.locale;
    const t = TEXTS[locale];
    const events = role in o.def.roles ? availableEvents(o.def, item, role).filter((e) => !o.hidden?.includes(e) && !byRule(e)) : [];
    // The confirmation stands beside the buttons pressed (not at the top of a long list).
    const done = this.done?.id === item.id ? html`<p class="action-done status" role="status">${this.done.text}</p>` : nothing;
    if (events.length === 0) return done;
    const label = (event: string) => standalone((o.def.events[event] as { label: Record<Locale, string> }).label[locale], locale);
    const run = (event: string, payload?: unknown) => void this.apply(store, item.id, event, payload, actor(), now());
    const open = this.open?.id === item.id ? this.open : undefined;
    const table = (event: string) => o.actions?.[event];
    const context: RowContext = { item, locale };
    const spec = open ? table(open.event) : undefined;
    const fields = spec ? spec.fields(context, spec.defaults?.(context) ?? {}) : undefined;
    return html`<div class="actions" role="group" aria-label=${t.actionsFor(title)}>
        ${events.map(
          (event) => html`<button type="button" aria-expanded=${table(event) ? String(open?.event === event) : nothing}
            @click=${() => (table(event) ? this.show({ id: item.id, event }) : run(event))}>${label(event)}</button>`,
        )}
      </div>
      ${done}
      ${open && fields
        ? actionForm({
            id: `act-${cssId(item.id)}`,
            title: `${label(open.event)}${this.host.locale === 'en' ? ': ' : '：'}${title}`,
            fields,
            submitLabel: t.confirm,
            cancelLabel: t.cancel,
            problem: open.problem,
            onSubmit: (typed) => run(open.event, actionPayload(spec!, typed as never)),
            onCancel: () => this.show(undefined),
          })
        : open?.problem
          ? html`<p class="action-problem" role="alert">${open.problem}</p>`
          : nothing}`;
  }

  private show(open: OpenAction | undefined): void {
    this.open = open;
    this.host.requestUpdate();
    if (open) void this.host.updateComplete.then(() => focusActionForm(this.host.renderRoot));
  }

  /**
   * Applies one event through the store — one write, the accepted record shown from the write's
   * own result — and says what came of it: beside the row (the confirmation and who acts next, or
   * the refusal naming its rule), and to the host.
   */
  async apply(store: Store<Collections> | undefined, id: string, event: string, payload: unknown, actor: { id: string; role: string }, at: number | string, extra: { readonly note?: string; readonly step?: ActionStep } = {}): Promise<ActionOutcome> {
    if (!store) return { ok: false };
    const o = this.options;
    const note = extra.note;
    const loopEvent: LoopEvent = { type: event, actor, at: typeof at === 'string' ? at : formatInstant(at), ...(payload !== undefined ? { payload } : {}), ...(note ? { note } : {}) };
    const custom = extra.step ?? o.step;
    const step = (s: Store<Collections>) => (custom ? custom(s, id, loopEvent) : applyLoopEvent(s, o.collection, o.def, id, loopEvent as never));
    let result: Awaited<ReturnType<typeof step>>;
    try {
      result = await (o.write ? o.write(step) : step(store));
    } catch (error) {
      // The store failed (a host's store that rejects, a full disk): say so beside the action.
      const problem = problemOf(error, this.host.locale);
      this.open = { id, event, problem: problem.message };
      emit(this.host, 'bh-problem', problem);
      this.host.requestUpdate();
      return { ok: false, problem: problem.message };
    }
    if (result.ok) {
      const snapshot = result.snapshot as Snapshot;
      const locale = this.host.locale;
      const label = (e: string) => (o.def.events[e] as Labelled).label[locale];
      const state = (o.def.states[snapshot.state] as Labelled | undefined)?.label[locale] ?? snapshot.state;
      this.done = { id, text: `${TEXTS[locale].done(label(event), state)} ${nextStepText(o.def, snapshot, locale, o.hidden)}` };
      o.applied?.(snapshot);
      this.open = undefined;
      if (o.accepted) o.accepted(id, event, snapshot);
      else if (o.eventName) emit<LoopTransitionDetail>(this.host, o.eventName, { id, event, state: snapshot.state });
      this.host.requestUpdate();
      return { ok: true, snapshot };
    }
    const reason = result.reason as Refusal;
    this.done = undefined;
    this.open = { id, event, problem: reason.message[this.host.locale] };
    if (o.refused) o.refused(id, event, reason);
    else if (o.eventName) emit<LoopRefusedDetail>(this.host, o.eventName.replace(/-transition$/, '-refused'), { id, event, reason });
    this.host.requestUpdate();
    return { ok: false, reason };
  }
}

const cssId = (id: string) => id.replace(/[^\w-]/g, '_');
