import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@bihuan/widgets/print-document';
import { freshCase, lawReportRecord, longAgreement, settledCase, supervisionOrder } from './support/documents.js';

interface PrintArgs {
  lang?: string;
  document?: string;
  org?: string;
  record?: () => object;
  /** Who prints: personal data in clear for a role that may see them (the mediator), masked otherwise. */
  viewerRole?: string;
}

const meta: Meta<PrintArgs> = {
  title: 'Widgets/Print document 打印文书',
  component: 'bh-print-document',
  render: (a) => html`<bh-print-document lang=${a.lang ?? nothing} document=${a.document ?? nothing} org=${a.org ?? nothing} viewer-role=${a.viewerRole ?? nothing} .record=${a.record?.()}></bh-print-document>`,
};
export default meta;
type Story = StoryObj<PrintArgs>;

/** No record given yet. */
export const Empty: Story = {};

/** 人民调解协议书 of the noise case, with places for both parties, the mediator and the seal. */
export const Typical: Story = { args: { record: () => settledCase(), org: '振兴区人民调解委员会', viewerRole: 'mediator' } };

/** A settlement of 28 terms: the agreement runs onto a second A4 page. */
export const Large: Story = { args: { record: longAgreement, org: '振兴区人民调解委员会', viewerRole: 'mediator' } };

/** 受理登记表. */
export const IntakeForm: Story = { args: { document: 'intake', record: () => settledCase(), org: '振兴区综治中心', viewerRole: 'intakeClerk' } };

/** 回访记录. */
export const FollowUpRecord: Story = { args: { document: 'followUp', record: () => settledCase(), org: '振兴区综治中心', viewerRole: 'intakeClerk' } };

/** 督办单. */
export const SupervisionOrder: Story = { args: { document: 'supervision', record: supervisionOrder } };

/** 述法评议结果. */
export const LawReportResult: Story = { args: { document: 'lawReport', record: lawReportRecord, org: '振兴区述法评议委员会' } };

/** A dispute without a settlement cannot fill an agreement: refused in place. */
export const Invalid: Story = { args: { record: () => freshCase() } };

/** The toolbar in English (the document stays in Chinese). */
export const English: Story = { args: { lang: 'en', record: () => settledCase(), viewerRole: 'mediator' } };

/** The intake form printed by a supervisor, whose role sees personal data masked: 陈**, 138****1234, 210603********1234. */
export const IntakeFormMasked: Story = { args: { document: 'intake', record: () => settledCase(), org: '振兴区综治中心', viewerRole: 'supervisor' } };

/** The same, in English around the Chinese form (the toolbar says the data are masked). */
export const IntakeFormMaskedEnglish: Story = { args: { ...IntakeFormMasked.args, lang: 'en' } };
