import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import '@bihuan/widgets/notice-log';
import { manyNotices, noticesWithMistakes, typicalNotices } from './support/notices.js';

interface NoticeLogArgs {
  notices: readonly unknown[];
  label?: string;
  lang?: string;
}

const meta: Meta<NoticeLogArgs> = {
  title: 'Widgets/Notice log 通知记录',
  component: 'bh-notice-log',
  render: (a) => html`<bh-notice-log lang=${a.lang ?? nothing} label=${a.label ?? nothing} .notices=${a.notices}></bh-notice-log>`,
};
export default meta;
type Story = StoryObj<NoticeLogArgs>;

/** Nothing sent yet. */
export const Empty: Story = { args: { notices: [] } };

/** The noise case's notices, made by core from its steps: accepted, routed, escalated, a handler named, the follow-up due. */
export const Typical: Story = { args: { notices: typicalNotices() } };

/** Half a year of cases at the centre: hundreds of notices, newest first, in a scrolling list. */
export const Large: Story = { args: { notices: manyNotices(600) } };

/** Entries that are not notices (an unknown recipient, a time that is not one, a message without English, a bare string): each says what is wrong, in place. */
export const Invalid: Story = { args: { notices: noticesWithMistakes() } };

/** The noise case's notices on an English page. */
export const English: Story = { args: { notices: typicalNotices(), lang: 'en' } };
