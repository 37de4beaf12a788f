import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/notice-log';
import { recipientKey, type Notice } from '@bihuan/core';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';
import { manyNotices, noticesWithMistakes, typicalNotices } from '../../../stories/support/notices.js';

afterEach(cleanup);

const parts = (el: Element, name: string) => [...el.shadowRoot!.querySelectorAll(`[part~="${name}"]`)];
const part = (el: Element, name: string) => parts(el, name)[0];
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;
/** The applicant's own phone, from the acceptance notice, and as a reader of the log sees it (middle four digits hidden). */
function applicantPhone(notices: readonly Notice[]): { full: string; shown: string } {
  const full = (notices.find((n) => n.key === 'dispute.accepted')!.recipient as { phone: string }).phone;
  expect(full).toMatch(/^\d{11}$/);
  return { full, shown: `${full.slice(0, 3)}****${full.slice(-4)}` };
}

async function log(notices: readonly unknown[], lang?: string) {
  const c = await mount(html`<bh-notice-log lang=${lang ?? 'zh-CN'} .notices=${notices}></bh-notice-log>`);
  return c.querySelector('bh-notice-log')!;
}

describe('<bh-notice-log>', () => {
  test('shows the notices core made from a dispute’s steps, newest first, with time, recipient and text', async () => {
    const notices = typicalNotices();
    const keys = new Set(notices.map((n) => n.key));
    for (const k of ['dispute.accepted', 'dispute.routed', 'dispute.escalated', 'dispute.handlerAssigned', 'dispute.followUpDue']) expect(keys).toContain(k);
    const el = await log(notices);
    const rows = parts(el, 'notice');
    expect(rows).toHaveLength(notices.length);
    expect(shadowText(part(el, 'count'))).toBe(`共 ${notices.length} 条通知，最新的在前`);
    const times = rows.map((r) => Date.parse(r.querySelector('time')!.getAttribute('datetime')!));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // The newest is the follow-up coming due, to the intake desk; the oldest the acceptance, to the applicant by masked phone.
    expect(shadowText(rows[0]!.querySelector('[part~="recipient"]'))).toContain('综治中心受理窗口');
    expect(shadowText(rows[0]!.querySelector('[part~="text"]'))).toContain('待回访');
    const last = rows.at(-1)!;
    const phone = applicantPhone(notices);
    expect(shadowText(last.querySelector('[part~="recipient"]'))).toBe(`接收方：当事人（手机 ${phone.shown}）`);
    expect(shadowText(el)).not.toContain(phone.full);
    const escalated = notices.find((n) => n.key === 'dispute.escalated')!;
    expect(shadowText(el)).toContain(escalated.text['zh-CN']);
    expect(shadowText(el)).toContain('上级：街道（乡镇）');
    const routed = notices.find((n) => n.key === 'dispute.routed')!;
    expect(recipientKey(routed.recipient)).toMatch(/^department:/);
    await expectNoAxeViolations(el.parentElement!);
  });

  test('English is complete: every message and label in English, no Chinese characters or punctuation', async () => {
    const notices = typicalNotices();
    const el = await log(notices, 'en');
    const text = shadowText(el);
    expect(text).toContain(`${notices.length} notices, newest first`);
    expect(text).toContain('Centre intake desk');
    expect(text).toContain(`Party (mobile ${applicantPhone(notices).shown})`);
    for (const n of notices) expect(text).toContain(n.text.en);
    expect(text).not.toMatch(CJK);
    await expectNoAxeViolations(el.parentElement!);
  });

  test('a malformed entry is shown in place, naming what is wrong; the others still show and the counts foot', async () => {
    const entries = noticesWithMistakes();
    const good = entries.length - 4;
    const el = await log(entries);
    const invalid = parts(el, 'invalid').map((e) => shadowText(e));
    expect(invalid).toEqual([
      `第 ${good + 1} 条通知无法显示：接收方必须是当事人、部门、中心、上级或承办人`,
      `第 ${good + 2} 条通知无法显示：时间不是有效的日期时间`,
      `第 ${good + 3} 条通知无法显示：内容须同时有中文和英文`,
      `第 ${good + 4} 条通知无法显示：必须是通知对象`,
    ]);
    expect(parts(el, 'notice')).toHaveLength(good);
    expect(shadowText(part(el, 'count'))).toBe(`共 ${entries.length} 条通知：可显示 ${good} 条，无法显示 4 条`);
    expect(part(el, 'problem')).toBeUndefined();
  });

  test('a list that is not an array is refused in place with bh-problem, and the widget never throws', async () => {
    const el = await log([]);
    expect(shadowText(part(el, 'empty'))).toBe('暂无通知');
    const problems: string[] = [];
    el.addEventListener('bh-problem', (e) => problems.push(e.detail.message));
    (el as unknown as { notices: unknown }).notices = 'not a list';
    await el.updateComplete;
    await el.updateComplete;
    expect(shadowText(part(el, 'problem'))).toContain('notices');
    expect(problems.length).toBeGreaterThan(0);
    // A good list puts it right.
    el.notices = typicalNotices() satisfies Notice[];
    await el.updateComplete;
    expect(part(el, 'problem')).toBeUndefined();
    expect(parts(el, 'notice').length).toBeGreaterThan(0);
  });

  test('hundreds of notices render, newest first', async () => {
    const notices = manyNotices(500);
    expect(notices.length).toBeGreaterThanOrEqual(500);
    const el = await log(notices);
    const rows = parts(el, 'notice');
    expect(rows).toHaveLength(notices.length);
    const newest = Math.max(...notices.map((n) => Date.parse(n.at)));
    expect(Date.parse(rows[0]!.querySelector('time')!.getAttribute('datetime')!)).toBe(newest);
  });
});
