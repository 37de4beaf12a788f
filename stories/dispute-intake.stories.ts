import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { createMemoryStore, disputeStoreSpec } from '@bihuan/core';
import { exampleNegativeList } from '@bihuan/core/examples';
import '@bihuan/widgets/dispute-intake';
import { type BhDisputeIntake, type IntakeDraft, emptyIntakeDraft } from '@bihuan/widgets/classes';
import { NOW, storeWith, typicalDisputes } from './support/disputes.js';
import { exampleAreaTree, exampleDisputes } from '@bihuan/core/examples';

interface IntakeArgs {
  lang?: string;
  draft?: IntakeDraft;
  /** Show every error at once, as after a refused submit. */
  report?: boolean;
  negativeList?: boolean;
}

const TOWNS = { 站前街道: ['锦绣社区', '江城社区'], 临江街道: ['临江社区', '滨江社区'], 帽盔山街道: ['山城社区'] };

const meta: Meta<IntakeArgs> = {
  title: 'Widgets/Dispute intake 纠纷受理',
  component: 'bh-dispute-intake',
  render: (a) => html`<bh-dispute-intake
    lang=${a.lang ?? nothing}
    now=${NOW}
    .store=${createMemoryStore(disputeStoreSpec)}
    .towns=${TOWNS}
    .draft=${a.draft ?? emptyIntakeDraft()}
    .negativeList=${a.negativeList ? exampleNegativeList() : undefined}
    ${ref((el) => {
      if (el && a.report) void (el as BhDisputeIntake).updateComplete.then(() => (el as BhDisputeIntake).reportValidity());
    })}
  ></bh-dispute-intake>`,
};
export default meta;
type Story = StoryObj<IntakeArgs>;

const noiseDraft = (): IntakeDraft => ({
  ...emptyIntakeDraft(),
  title: '邻里噪声纠纷',
  category: 'noise',
  description: '楼上住户夜间生活噪声，双方多次争执，僵持已久。',
  town: '站前街道',
  community: '锦绣社区',
  parties: [
    { side: 'applicant', name: '陈建国', phone: '13812341234', idNumber: '', address: '锦绣小区3号楼502', needsHomeVisit: false },
    { side: 'respondent', name: '李秀英', phone: '', idNumber: '', address: '锦绣小区3号楼602', needsHomeVisit: true },
  ],
});

/** An empty form at the centre's window. */
export const Empty: Story = {};

/** The source's noise case, filled in and ready to accept. */
export const Typical: Story = { args: { draft: noiseDraft() } };

/** Reported online by a grid worker (the grid channel asks for the worker). */
export const GridReport: Story = { args: { draft: { ...noiseDraft(), channel: 'grid', reporterName: '赵网格', reporterId: 'grid-017' } } };

/** Bad data after a submit: the error summary lists every field with a link to it. */
/** A group dispute: twelve households of one building against the property company. */
export const Large: Story = {
  args: {
    draft: {
      ...noiseDraft(),
      title: '楼顶漏水维修纠纷',
      category: 'leak',
      description: '雨天楼顶积水导致顶层多户漏水，住户多次投诉，要求物业排查漏点、重新铺设防水层。',
      parties: [
        ...Array.from({ length: 12 }, (_, i) => ({
          side: 'applicant' as const,
          name: `住户${i + 1}`,
          phone: `1390000${String(1000 + i)}`,
          idNumber: '',
          address: `锦绣小区7号楼${601 + i}`,
          needsHomeVisit: i % 5 === 0,
        })),
        { side: 'respondent' as const, name: '锦绣物业服务有限公司', phone: '', idNumber: '', address: '锦绣小区物业中心', needsHomeVisit: false },
      ],
    },
  },
};

export const Invalid: Story = {
  args: {
    report: true,
    draft: { ...noiseDraft(), title: '', category: '', parties: [{ side: 'applicant', name: '陈建国', phone: '12', idNumber: '1234', address: '', needsHomeVisit: false }] },
  },
};

/** A labour dispute checked against the example negative list (submit it to see the refusal). */
export const NegativeList: Story = { args: { negativeList: true, draft: { ...noiseDraft(), title: '拖欠工资', category: 'labour' } } };

/** English, picked by the nearest `lang`. */
export const English: Story = { args: { lang: 'en', report: true } };

// The town–village tree, possible duplicates, and decline or referral at intake.

interface AreaArgs {
  lang?: string;
  draft?: IntakeDraft;
  /** Disputes already on file (for the possible-duplicate check). */
  ledger?: 'none' | 'typical' | 'large';
  /** The viewer's role: a supervisor sees parties' data masked. */
  role?: 'intakeClerk' | 'supervisor';
  /** Chooses 不予受理 with this reason (and no further words) and submits: the loop's refusal shows. */
  decline?: string;
}

const renderWithAreas = (a: AreaArgs) => html`<bh-dispute-intake
  lang=${a.lang ?? nothing}
  now=${NOW}
  viewer-role=${a.role ?? 'intakeClerk'}
  case-href="dispute-case.html?id={id}"
  .store=${storeWith(a.ledger === 'large' ? exampleDisputes(3000, '2025-01-01') : a.ledger === 'typical' ? typicalDisputes() : [])}
  .areas=${exampleAreaTree()}
  .draft=${a.draft ?? emptyIntakeDraft()}
  ${ref((el) => {
    if (!el || !a.decline) return;
    const intake = el as BhDisputeIntake;
    void intake.updateComplete.then(async () => {
      const pick = intake.shadowRoot!.querySelector<HTMLInputElement>('#f-end-decline')!;
      pick.checked = true;
      pick.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await intake.updateComplete;
      const reason = intake.shadowRoot!.querySelector<HTMLSelectElement>('#f-end-reason')!;
      reason.value = a.decline!;
      reason.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      await intake.accept();
    });
  })}
></bh-dispute-intake>`;

/** The county's tree: choosing a town offers only its villages (empty form). */
export const AreasEmpty: StoryObj<AreaArgs> = { render: renderWithAreas };

/** A case from the 12345 hotline whose caller is already on file: the possible duplicate is shown, masked for a supervisor. */
export const AreasTypical: StoryObj<AreaArgs> = {
  render: renderWithAreas,
  args: { ledger: 'typical', role: 'supervisor', draft: { ...noiseDraft(), hotline: 'GD2025112000123', parties: [{ ...noiseDraft().parties[0]!, phone: '138 1234 1234' }, noiseDraft().parties[1]!] } },
};

/** 3,000 disputes on file: the duplicate check still answers as the clerk types. */
export const AreasLarge: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ledger: 'large', draft: noiseDraft() } };

/** Declining for "another reason" without saying which: the loop's rule refuses, in the error summary. */
export const DeclineRefused: StoryObj<AreaArgs> = { render: renderWithAreas, args: { draft: noiseDraft(), decline: 'other' } };

/** The same in English, with the possible duplicate. */
export const AreasEnglish: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ...AreasTypical.args, lang: 'en' } };
