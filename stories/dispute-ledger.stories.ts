import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { type DisputeItem } from '@bihuan/core';
import { exampleCaseload, exampleDisputes } from '@bihuan/core/examples';
import '@bihuan/widgets/dispute-ledger';
import type { LedgerView } from '@bihuan/widgets/classes';
import { NOW, largeLedger, storeWith, typicalDisputes } from './support/disputes.js';

interface LedgerArgs {
  lang?: string;
  viewerRole?: string;
  /** Store-backed: these disputes seed a memory store. */
  seed?: () => DisputeItem[];
  /** Given directly (as a server's query result): 100,000 rows are not pushed through a store. */
  items?: () => unknown[];
  filter?: LedgerView;
}

const meta: Meta<LedgerArgs> = {
  title: 'Widgets/Dispute ledger 纠纷台账',
  component: 'bh-dispute-ledger',
  render: (a) =>
    a.items
      ? html`<bh-dispute-ledger lang=${a.lang ?? nothing} now=${NOW} viewer-role=${a.viewerRole ?? nothing} .items=${a.items()} .filter=${a.filter ?? {}}></bh-dispute-ledger>`
      : html`<bh-dispute-ledger lang=${a.lang ?? nothing} now=${NOW} viewer-role=${a.viewerRole ?? nothing} .store=${storeWith(a.seed?.() ?? [])} .filter=${a.filter ?? {}}></bh-dispute-ledger>`,
};
export default meta;
type Story = StoryObj<LedgerArgs>;

/** No disputes yet. */
export const Empty: Story = {};

/** A dozen disputes across the loop, as the centre's supervisor sees them (contacts masked). */
export const Typical: Story = { args: { seed: typicalDisputes, viewerRole: 'supervisor' } };

/** 100,000 disputes: only the rows in view are rendered. */
export const Large: Story = { args: { items: largeLedger, viewerRole: 'supervisor' } };

/** Only the disputes past their stage deadline. */
export const Overdue: Story = { args: { seed: typicalDisputes, filter: { overdue: true }, viewerRole: 'supervisor' } };

/** The mediator's view: contacts in clear. */
export const Mediator: Story = { args: { seed: typicalDisputes, viewerRole: 'mediator' } };

/** Data that are not disputes are refused in place. */
export const Invalid: Story = { args: { items: () => [{ id: 'x', state: 'lost' }] } };

/** English. */
export const English: Story = { args: { lang: 'en', seed: typicalDisputes, viewerRole: 'supervisor' } };

/** The date filter: the disputes accepted in November 2025, with the month's figures as they stood at its end, against October and November 2024. */
export const ByPeriod: Story = { args: { seed: typicalDisputes, filter: { period: '2025-11' }, viewerRole: 'supervisor' } };

/** The same by week, in English. */
export const ByPeriodEnglish: Story = { args: { lang: 'en', seed: typicalDisputes, filter: { period: '2025-Q4' }, viewerRole: 'supervisor' } };

/** A period key that names no period: the field says so, and no period filter applies. */
export const PeriodInvalid: Story = { args: { seed: typicalDisputes, filter: { period: '2025-13' }, viewerRole: 'supervisor' } };

/** "My cases" (我的案件): the viewer's id offers the switch; here it is on, for a mediator who handles none of these yet. */
export const MyCases: Story = {
  args: { seed: typicalDisputes, filter: { mine: true }, viewerRole: 'mediator' },
  render: (a) => html`<bh-dispute-ledger lang=${a.lang ?? nothing} now=${NOW} viewer-role=${a.viewerRole ?? nothing} viewer-id="mediator-zhao" .store=${storeWith(a.seed?.() ?? [])} .filter=${a.filter ?? {}}></bh-dispute-ledger>`,
};

/** The mediator 赵桂芝 (mediator-zhao), named handler by the centre on her cases. */
const myCases = (a: LedgerArgs) =>
  html`<bh-dispute-ledger lang=${a.lang ?? nothing} now=${NOW} viewer-role="mediator" viewer-id="mediator-zhao" .store=${storeWith(a.seed?.() ?? [])} .filter=${a.filter ?? {}}></bh-dispute-ledger>`;

/** "My cases" (我的案件), none at all: an empty centre. */
export const MyCasesEmpty: Story = { args: { filter: { mine: true } }, render: myCases };

/** "My cases" in a county centre's season of example disputes: the ones 赵桂芝 handles. */
export const MyCasesTypical: Story = { args: { seed: () => exampleCaseload({ now: NOW, count: 60, days: 90 }), filter: { mine: true } }, render: myCases };

/** "My cases" in a year of 400 disputes (all of them replayed event by event). */
export const MyCasesLarge: Story = { args: { seed: () => exampleCaseload({ now: NOW, count: 400 }), filter: { mine: true } }, render: myCases };

/** "My cases" asked with a value that is not true or false: the filter is refused in place, naming it. */
export const MyCasesInvalid: Story = { args: { seed: () => exampleCaseload({ now: NOW, count: 60, days: 90 }), filter: { mine: 'yes' } as unknown as LedgerView }, render: myCases };

/** "My cases", in English. */
export const MyCasesEnglish: Story = { args: { lang: 'en', seed: () => exampleCaseload({ now: NOW, count: 60, days: 90 }), filter: { mine: true } }, render: myCases };

// Search (搜索): a case number, a 12345 item, words of the subject or place, a party's name, phone,
// ID number or address. The centre's supervisor sees parties masked: a whole phone number finds the
// dispute, and the number is still not shown.

interface SearchArgs {
  lang?: string;
  viewerRole?: string;
  seed?: () => DisputeItem[];
  /** What is typed into the search box. */
  query?: unknown;
}

const searching = (a: SearchArgs) =>
  html`<bh-dispute-ledger lang=${a.lang ?? nothing} now=${NOW} viewer-role=${a.viewerRole ?? 'supervisor'} .store=${storeWith(a.seed?.() ?? [])} .query=${a.query ?? ''}></bh-dispute-ledger>`;
/** A county centre's season of example disputes (60 over 90 days). */
const season = () => exampleCaseload({ now: NOW, count: 60, days: 90 });

/** A search in an empty ledger: nothing on file to find. */
export const SearchEmpty: StoryObj<SearchArgs> = { render: searching, args: { query: '159 5412 5507' } };

/** The supervisor types the applicant's whole phone number, with spaces: the one dispute is found, the number still masked. */
export const SearchTypical: StoryObj<SearchArgs> = { render: searching, args: { seed: season, query: '159 5412 5507' } };

/** 3,000 disputes on file, searched by a community's name: every dispute of 锦绣社区 (750). */
export const SearchLarge: StoryObj<SearchArgs> = { render: searching, args: { seed: () => exampleDisputes(3000, '2025-01-01'), query: '锦绣社区' } };

/** A number nobody on file has: the ledger says nothing matches. */
export const SearchNoMatch: StoryObj<SearchArgs> = { render: searching, args: { seed: season, query: '139 0000 0000' } };

/** A search longer than the box takes (201 characters): refused in place, naming `query`. */
export const SearchInvalid: StoryObj<SearchArgs> = { render: searching, args: { seed: season, query: '锦'.repeat(201) } };

/** The whole phone number, in English: found and masked. */
export const SearchEnglish: StoryObj<SearchArgs> = { render: searching, args: { lang: 'en', seed: season, query: '159 5412 5507' } };

/** The date filter on a month before any dispute: the month's figures all zero, the filter still there. */
export const PeriodEmpty: Story = { args: { seed: typicalDisputes, filter: { period: '2024-03' }, viewerRole: 'supervisor' } };

/** The date filter over a year of 400 disputes (replayed event by event): the third quarter as it stood at its end. */
export const PeriodLarge: Story = { args: { seed: () => exampleCaseload({ now: NOW, count: 400 }), filter: { period: '2025-Q3' }, viewerRole: 'supervisor' } };
