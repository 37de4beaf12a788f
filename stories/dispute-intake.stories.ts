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
  /** Ends the dispute at intake as the clerk would: 不予受理 with a reason, or direct referral (直接移交), typed into the form. */
  end?: EndChoice;
  /** Submits the form after `end` is filled in: the loop's record, or its refusal, shows. */
  submit?: boolean;
  /** Show every error at once, as after a refused submit. */
  report?: boolean;
  /** The county's tree as the host gives it (the example county's by default). */
  tree?: () => unknown;
}

/** What the clerk chooses and types in the "instead of accepting" section. */
interface EndChoice {
  kind: 'decline' | 'transfer';
  reason?: string;
  detail?: string;
  advice?: string;
  to?: string;
  why?: string;
}

/** Fills the "instead of accepting" section through its own controls (radio, list, text boxes), then submits when asked. */
async function endAtIntake(intake: BhDisputeIntake, end: EndChoice, submit: boolean): Promise<void> {
  await intake.updateComplete;
  const root = intake.shadowRoot!;
  const pick = root.querySelector<HTMLInputElement>(`#f-end-${end.kind}`)!;
  pick.checked = true;
  pick.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await intake.updateComplete;
  if (end.reason) {
    const reason = root.querySelector<HTMLSelectElement>('#f-end-reason')!;
    reason.value = end.reason;
    reason.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }
  for (const [field, value] of [['detail', end.detail], ['advice', end.advice], ['to', end.to], ['why', end.why]] as const) {
    const input = root.querySelector<HTMLInputElement>(`#f-end-${field}`);
    if (!input || value === undefined) continue;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  await intake.updateComplete;
  if (submit) await intake.accept();
}

const renderWithAreas = (a: AreaArgs) => html`<bh-dispute-intake
  lang=${a.lang ?? nothing}
  now=${NOW}
  viewer-role=${a.role ?? 'intakeClerk'}
  case-href="dispute-case.html?id={id}"
  .store=${storeWith(a.ledger === 'large' ? exampleDisputes(3000, '2025-01-01') : a.ledger === 'typical' ? typicalDisputes() : [])}
  .areas=${a.tree?.() ?? exampleAreaTree()}
  .draft=${a.draft ?? emptyIntakeDraft()}
  .generateId=${() => 'JF-20251120-000321'}
  ${ref((el) => {
    if (el && a.end) void endAtIntake(el as BhDisputeIntake, a.end, a.submit ?? false);
    if (el && a.report) void (el as BhDisputeIntake).updateComplete.then(() => (el as BhDisputeIntake).reportValidity());
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
export const DeclineRefused: StoryObj<AreaArgs> = { render: renderWithAreas, args: { draft: noiseDraft(), end: { kind: 'decline', reason: 'other' }, submit: true } };

/** The same in English, with the possible duplicate. */
export const AreasEnglish: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ...AreasTypical.args, lang: 'en' } };

// Decline (不予受理) and direct referral (直接移交) at intake, typed into the form as the clerk would.

/** The same dispute already before the court: 不予受理, reason and the court named, ready to record. */
const inLitigation: EndChoice = { kind: 'decline', reason: 'inLitigation', detail: '申请人已于2025年11月10日向振兴区人民法院起诉，法院已立案。', advice: '振兴区人民法院' };

/** Declined at the window: the case is already in litigation, the court named as where to go. */
export const DeclineTypical: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ledger: 'typical', draft: noiseDraft(), end: inLitigation } };

/** Recorded and declined: the dispute is kept with its decline record, and the form is ready for the next. */
export const DeclineRecorded: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ledger: 'typical', draft: noiseDraft(), end: inLitigation, submit: true } };

/** A group dispute of twelve households, with 3,000 disputes on file, declined as already in arbitration. */
export const DeclineLarge: StoryObj<AreaArgs> = {
  render: renderWithAreas,
  args: { ledger: 'large', draft: Large.args!.draft!, end: { kind: 'decline', reason: 'inArbitration', detail: '住户已就维修费用向市仲裁委员会申请仲裁。', advice: '丹东仲裁委员会' } },
};

/** Declined, in English (the reason list and the labels in English; what the clerk typed stays as typed). */
export const DeclineEnglish: StoryObj<AreaArgs> = { render: renderWithAreas, args: { lang: 'en', ledger: 'typical', draft: noiseDraft(), end: inLitigation } };

/** A wage arrears case from the 12345 hotline, referred straight to the labour inspectorate before any mediation. */
const wages = (): IntakeDraft => ({ ...noiseDraft(), title: '拖欠工资', category: 'labour', description: '装修公司拖欠三名工人两个月工资，共计二万四千元。', hotline: 'GD2025111900456' });
const toInspectorate: EndChoice = { kind: 'transfer', to: '振兴区劳动保障监察大队', why: '欠薪属劳动保障监察职责，直接移交处理。' };

/** Referred at intake to the body whose remit it is, the 12345 item kept on the record. */
export const ReferralTypical: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ledger: 'typical', draft: wages(), end: toInspectorate } };

/** Recorded and referred: the status names the new record. */
export const ReferralRecorded: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ledger: 'typical', draft: wages(), end: toInspectorate, submit: true } };

/** The twelve households' leak referred to the housing bureau, with 3,000 disputes on file. */
export const ReferralLarge: StoryObj<AreaArgs> = {
  render: renderWithAreas,
  args: { ledger: 'large', draft: { ...Large.args!.draft!, hotline: 'GD2025111800789' }, end: { kind: 'transfer', to: '振兴区住房和城乡建设局', why: '公共维修资金使用属住建部门职责。' } },
};

/** Referred without saying to whom: the loop's rule refuses, in the error summary, and nothing is recorded. */
export const ReferralRefused: StoryObj<AreaArgs> = { render: renderWithAreas, args: { draft: wages(), end: { kind: 'transfer', why: '欠薪属劳动保障监察职责。' }, submit: true } };

/** Referred, in English. */
export const ReferralEnglish: StoryObj<AreaArgs> = { render: renderWithAreas, args: { lang: 'en', ledger: 'typical', draft: wages(), end: toInspectorate } };

/** The refusal of a referral without its body, in English. */
export const ReferralRefusedEnglish: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ...ReferralRefused.args, lang: 'en' } };

// The town–village tree refusing what does not fit it.

/** A pre-filled draft whose village (锦绣社区, of 站前街道) is not in the chosen town (临江街道): refused at the village field. */
export const AreasVillageNotInTown: StoryObj<AreaArgs> = { render: renderWithAreas, args: { draft: { ...noiseDraft(), town: '临江街道', community: '锦绣社区' }, report: true } };

/** The same, in English. */
export const AreasVillageNotInTownEnglish: StoryObj<AreaArgs> = { render: renderWithAreas, args: { ...AreasVillageNotInTown.args, lang: 'en' } };

/** A host's tree with one village listed under two towns: refused in place, naming `areas`. */
const twoTowns = () => {
  const tree = exampleAreaTree();
  const [first, second, ...rest] = tree.towns;
  return { ...tree, towns: [first!, { ...second!, villages: [...second!.villages, first!.villages[0]!] }, ...rest] };
};
export const AreasMalformedTree: StoryObj<AreaArgs> = { render: renderWithAreas, args: { draft: noiseDraft(), tree: twoTowns } };

/** The malformed tree, in English. */
export const AreasMalformedTreeEnglish: StoryObj<AreaArgs> = { render: renderWithAreas, args: { lang: 'en', draft: noiseDraft(), tree: twoTowns } };
