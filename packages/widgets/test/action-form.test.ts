// The action forms' one vocabulary, rendered as an inline form: what each kind of field gives.
import { describe, expect, test } from 'vitest';
import { render } from 'lit';
import { html } from 'lit';
import { type ActionDraft, type ActionField, actionFields, actionForm, actionPayload, payloadOf } from '../src/internal/action-form.js';
import { EVENT_PERMIT_ACTIONS } from '../src/components/event-permits/event-permits.actions.js';

const FIELDS: readonly ActionField[] = [
  { kind: 'group', label: '部门', fields: [{ kind: 'checks', name: 'departments', label: '常驻', options: [{ value: 'court', label: '法院' }, { value: 'police', label: '公安' }] }] },
  { kind: 'toggle', name: 'joint', label: '联合调解' },
  { kind: 'choice', name: 'mode', label: '方式', options: [{ value: 'atCentre', label: '在中心' }, { value: 'atHome', label: '上门' }] },
  { kind: 'lines', name: 'terms', label: '条款' },
  { kind: 'text', name: 'document', label: '文书', optional: true },
];

function mountForm(onSubmit: (payload: Record<string, unknown>) => void): HTMLFormElement {
  const host = document.createElement('div');
  document.body.append(host);
  render(actionForm({ id: 'f', title: '分流', fields: FIELDS, submitLabel: '确定', cancelLabel: '取消', onSubmit, onCancel: () => {} }), host);
  return host.querySelector('form')!;
}

describe('action form', () => {
  test('every kind of field gives its part of the payload; a blank optional one is left out', () => {
    let payload: Record<string, unknown> | undefined;
    const form = mountForm((p) => (payload = p));
    // Each field is labelled: a legend for the groups of choices, a label for the rest.
    expect([...form.querySelectorAll('legend')].map((l) => l.textContent)).toEqual(['部门', '常驻', '方式']);
    expect(form.querySelector('label[for="f-terms"]')!.textContent).toBe('条款');
    form.querySelector<HTMLInputElement>('#f-departments-court')!.checked = true;
    form.querySelector<HTMLInputElement>('#f-departments-police')!.checked = true;
    form.querySelector<HTMLInputElement>('#f-mode-atHome')!.checked = true;
    form.querySelector<HTMLTextAreaElement>('#f-terms')!.value = '降低噪声\n；互相谅解';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect(payload).toEqual({ departments: ['court', 'police'], joint: false, mode: 'atHome', terms: ['降低噪声', '互相谅解'] });
    form.querySelector<HTMLInputElement>('#f-joint')!.checked = true;
    form.querySelector<HTMLInputElement>('#f-document')!.value = ' 调解书 ';
    form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect(payload).toMatchObject({ joint: true, document: '调解书' });
    form.parentElement!.remove();
  });

  test('a controlled form shows the draft, reports each change, and marks a refused field with its inline error', () => {
    const fields: readonly ActionField[] = [
      { kind: 'number', name: 'stewards', label: '安保人员数', min: 1 },
      { kind: 'checks', name: 'consentedBy', label: '同意的当事人', options: [{ value: 'p1', label: '陈建国' }, { value: 'p2', label: '李秀英' }] },
      { kind: 'textarea', name: 'note', label: '备注', optional: true },
      { kind: 'custom', name: 'evidence', label: '现场照片', hint: '在此上传', render: () => html`<span class="panel">附件</span>` },
    ];
    let draft: ActionDraft = { stewards: '3', consentedBy: ['p1'] };
    const host = document.createElement('form');
    document.body.append(host);
    const draw = () =>
      render(html`${actionFields(fields, { id: (n) => `a-${n}`, draft, change: (n, v) => ((draft = { ...draft, [n]: v }), draw()), problem: (n) => (n === 'stewards' ? '至少 1 人' : undefined), optionalMark: '（选填）', required: true })}`, host);
    draw();
    const stewards = host.querySelector<HTMLInputElement>('#a-stewards')!;
    expect(stewards.value).toBe('3');
    expect(stewards.min).toBe('1');
    expect(stewards.required).toBe(true);
    // The refusal is beside its field, named to assistive technology.
    expect(stewards.getAttribute('aria-invalid')).toBe('true');
    expect(stewards.getAttribute('aria-describedby')).toBe('a-stewards-error');
    expect(host.querySelector('#a-stewards-error')!.textContent).toBe('至少 1 人');
    expect(host.querySelector('label[for="a-note"]')!.textContent).toBe('备注（选填）');
    expect(host.querySelector<HTMLTextAreaElement>('#a-note')!.required).toBe(false);
    // The widget's own control stands under the field's label and hint.
    const custom = host.querySelector('[role=group]')!;
    expect(custom.getAttribute('aria-labelledby')).toBe('a-evidence-label');
    expect(custom.querySelector('.panel')!.textContent).toBe('附件');
    const p2 = host.querySelector<HTMLInputElement>('#a-consentedBy-p2')!;
    expect(host.querySelector<HTMLInputElement>('#a-consentedBy-p1')!.checked).toBe(true);
    p2.checked = true;
    p2.dispatchEvent(new Event('change'));
    expect(draft.consentedBy).toEqual(['p1', 'p2']);
    stewards.value = '60';
    stewards.dispatchEvent(new Event('input'));
    expect(draft.stewards).toBe('60');
    host.remove();
  });

  test('a table entry turns what was typed into the event’s payload (event permits: the held event’s figures as numbers)', () => {
    const held = EVENT_PERMIT_ACTIONS.recordHeld!;
    const form = document.createElement('form');
    document.body.append(form);
    const fields = held.fields({ locale: 'zh-CN' }, {});
    render(html`${actionFields(fields, { id: (n) => `action-${n}`, draft: held.defaults!({ locale: 'zh-CN' }) })}`, form);
    expect(form.querySelector<HTMLInputElement>('#action-incidents')!.value).toBe('0');
    form.querySelector<HTMLInputElement>('#action-actual')!.value = '1200';
    expect(actionPayload(held, payloadOf(form, fields) as ActionDraft)).toEqual({ attendance: 1200, incidents: 0 });
    form.querySelector<HTMLTextAreaElement>('#action-outcome')!.value = ' 平稳有序 ';
    expect(actionPayload(held, payloadOf(form, fields) as ActionDraft)).toEqual({ attendance: 1200, incidents: 0, summary: '平稳有序' });
    form.remove();
  });
});
