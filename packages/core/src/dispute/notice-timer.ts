// The deadline-notice timer: a host gets "due soon" and "follow-up due" notices through its
// `onNotice` gateway without writing its own loop — each once per stage deadline.
import * as z from '../schema/zod.js';
import { parseArgument } from '../schema/argument.js';
import { type Moment, momentMs, type Within } from '../loop/deadlines.js';
import type { DisputeItem } from './definition.js';
import { deliverNotices, dueNotices, recipientKey, type Notice, type NoticeDelivery, type NoticeErrorHandler, type NoticeHandler } from './notices.js';

export interface DueNoticeWatchOptions {
  /** The open disputes to look at, read afresh on every check (e.g. `() => store.all('disputes')`). */
  readonly read: () => readonly DisputeItem[] | PromiseLike<readonly DisputeItem[]>;
  /** The host's gateway (SMS, messaging): called once per notice. */
  readonly onNotice: NoticeHandler;
  /** Where a failing read or gateway is reported (never thrown). */
  readonly onError?: NoticeErrorHandler;
  /** How far ahead a deadline counts as "due soon" (`dueNotices`: 24 hours by default). */
  readonly within?: Within;
  /** How often to look, in minutes (15 by default; 1 to 1,440). */
  readonly everyMinutes?: number;
  /** The clock (`Date.now` by default): a test or a replay passes its own. */
  readonly clock?: () => Moment;
  /** Start the timer at once (true by default); false to call `check` yourself, e.g. from a host's own scheduler. */
  readonly start?: boolean;
}

export interface DueNoticeWatch {
  /** Looks now (or at `at`): sends each notice not sent before for the same stage deadline. Never rejects. */
  check(at?: Moment): Promise<NoticeDelivery>;
  /** Stops the timer (a pending check still finishes). */
  stop(): void;
  /** Whether the timer runs. */
  readonly running: boolean;
}

const OptionsSchema = z.object({
  read: z.custom<() => unknown>((v) => typeof v === 'function', { message: 'a function' }),
  onNotice: z.custom<NoticeHandler>((v) => typeof v === 'function', { message: 'a function' }),
  onError: z.optional(z.custom<NoticeErrorHandler>((v) => typeof v === 'function', { message: 'a function' })),
  everyMinutes: z._default(z.number().check(z.gte(1), z.lte(1440)), 15),
  clock: z.optional(z.custom<() => Moment>((v) => typeof v === 'function', { message: 'a function' })),
  start: z._default(z.boolean(), true),
  within: z.optional(z.unknown()),
});

/** What makes a notice the same one again: the same thing, item, recipient and stage deadline. */
const sentKey = (n: Notice, deadline: string | undefined) => {
  return `${n.key}|${n.itemId}|${recipientKey(n.recipient)}|${deadline ?? ''}`;
};

/**
 * Watches the disputes' stage deadlines and hands each "due soon" (`dispute.dueSoon`) and
 * "follow-up due" (`dispute.followUpDue`) notice to the host's gateway once: a check every
 * `everyMinutes` (and one at once) sends what `dueNotices` finds that was not sent before for the
 * same stage deadline — a stage that moves on, or a deadline that changes, may notify again. A
 * failing read or gateway goes to `onError`; the watch never throws into the page. Bad options
 * throw `InvalidArgumentError` at once.
 */
export function watchDueNotices(options: DueNoticeWatchOptions): DueNoticeWatch {
  const o = parseArgument('watchDueNotices', 'options', OptionsSchema, options);
  const within = options.within;
  // Checked once here, so that a bad span is refused at once rather than on every tick.
  if (within !== undefined) dueNotices([], 0, within);
  const clock = o.clock ?? Date.now;
  const sent = new Set<string>();
  const report = (error: unknown) => {
    try {
      o.onError?.(error, undefined);
    } catch {
      // Nowhere further to go.
    }
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  const check = async (at?: Moment): Promise<NoticeDelivery> => {
    try {
      const nowMs = momentMs('watchDueNotices', 'at', at ?? clock());
      const items = await options.read();
      const notices = dueNotices(items, nowMs, within);
      const deadlines = new Map(items.map((i) => [i.id, i.deadline]));
      const fresh = notices.filter((n) => !sent.has(sentKey(n, deadlines.get(n.itemId))));
      for (const n of fresh) sent.add(sentKey(n, deadlines.get(n.itemId)));
      return await deliverNotices(fresh, o.onNotice, o.onError);
    } catch (error) {
      report(error);
      return { delivered: 0, failed: [] };
    }
  };
  const watch: DueNoticeWatch = {
    check,
    stop() {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
    get running() {
      return timer !== undefined;
    },
  };
  if (o.start) {
    timer = setInterval(() => void check(), o.everyMinutes * 60_000);
    // In Node, a watch does not keep the process alive on its own.
    (timer as { unref?: () => void }).unref?.();
    void check();
  }
  return watch;
}

