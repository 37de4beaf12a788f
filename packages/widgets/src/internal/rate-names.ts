// The words of our own rate cards and rate charts in English: their names, their counts' labels (a
// count's label opens the sentence, "Accepted 425 cases, resolved 406 cases"; the achieved one
// follows the comma), units and the period compared with. Part of the names we own (OWN_NAMES in
// own-names.ts spreads this table in, so the words checks hold them too); the rate card and the
// rate trend read this table alone, so that a page of figures never loads the names of our
// example firms, stations and venues.
import type { Locale } from '@bihuan/core/schema';

export const RATE_NAMES: Readonly<Record<string, string>> = {
  综治中心化解率: 'Governance centre resolution rate',
  镇街化解率: 'Towns’ resolution rate',
  化解率: 'Resolution rate',
  逾期率: 'Overdue rate',
  任务完成率: 'Task completion rate',
  企业问题办结率: 'Business issue closure rate',
  受理: 'Accepted',
  上报: 'Reported',
  派发: 'Dispatched',
  收集: 'Collected',
  任务: 'Tasks',
  化解: 'resolved',
  逾期: 'overdue',
  完成: 'done',
  办结: 'closed',
  综治中心: 'the governance centre',
  件: 'cases',
  条: 'items',
};

/** A rate's name or count word in `locale`: ours in English on an English page, a portal's own as given. */
export function rateName(name: string, locale: Locale): string {
  return locale === 'en' ? (RATE_NAMES[name] ?? name) : name;
}
