// The action forms' one vocabulary, rendered as an inline form: what each kind of field gives.
import { describe, expect, test } from 'vitest';
import { render } from 'lit';
import { html } from 'lit';
import { type ActionDraft, type ActionField, FieldChecks, actionFields, actionForm, actionPayload, payloadOf } from '../src/internal/action-form.js';
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
  test('a form checked on blur shows a field’s error once it is left, every error once a submit was tried, above the control', () => {
    const fields: readonly ActionField[] = [
      { kind: 'text', name: 'title', label: '事由' },
      { kind: 'tel', name: 'phone', label: '电话', optional: true },
    ];
    const host = document.createElement('form');
    document.body.append(host);
    const checks = new FieldChecks({ requestUpdate: () => draw() });
    const draw = () => render(html`${actionFields(fields, { id: (n) => `b-${n}`, problem: (n) => `${n} 有误`, checks, errorAbove: true })}`, host);
    draw();
    expect(host.querySelector('.field-error')).toBeNull(); // nothing shouts at an untouched form
    const phone = host.querySelector<HTMLInputElement>('#b-phone')!;
    phone.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(host.querySelector('#b-phone-error')!.textContent).toBe('phone 有误');
    expect(phone.getAttribute('aria-invalid')).toBe('true');
    expect(phone.getAttribute('aria-describedby')).toBe('b-phone-error');
    // Between the label and the control, in view while the person types.
    expect(host.querySelector('#b-phone-error')!.nextElementSibling).toBe(phone);
    expect(host.querySelector('#b-title-error')).toBeNull();
    expect(checks.tried).toBe(false);
    checks.submit();
    expect(host.querySelector('#b-title-error')!.textContent).toBe('title 有误');
    checks.reset();
    expect(host.querySelector('.field-error')).toBeNull();
    host.remove();
  });

  test('a choice’s follow-up fields sit in its fieldset; leaving them does not count as leaving the choice', () => {
    const fields: readonly ActionField[] = [
      { kind: 'choice', name: 'end', label: '不予受理或移交', part: 'end', options: [{ value: 'accept', label: '受理' }, { value: 'transfer', label: '移交' }], fields: [{ kind: 'text', name: 'to', label: '移交单位' }] },
    ];
    const host = document.createElement('form');
    document.body.append(host);
    const checks = new FieldChecks({ requestUpdate: () => draw() });
    const draw = () => render(html`${actionFields(fields, { id: (n) => `c-${n}`, draft: { end: 'transfer' }, problem: (n) => `${n} 有误`, checks })}`, host);
    draw();
    const fieldset = host.querySelector('fieldset')!;
    expect(fieldset.getAttribute('part')).toBe('end');
    expect(fieldset.querySelector('#c-to')).not.toBeNull();
    expect(host.querySelector<HTMLInputElement>('#c-end-transfer')!.checked).toBe(true);
    host.querySelector('#c-to')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(host.querySelector('#c-to-error')).not.toBeNull();
    expect(host.querySelector('#c-end-error')).toBeNull();
    host.querySelector('#c-end-accept')!.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    expect(host.querySelector('#c-end-error')!.textContent).toBe('end 有误');
    host.remove();
  });

  test('a text field offers its suggestions in a datalist; a select’s options and placeholder follow the values typed so far', () => {
    const villages: Record<string, string[]> = { 临江街道: ['江城社区', '滨江社区'], 站前街道: [] };
    const fields: readonly ActionField[] = [
      { kind: 'text', name: 'town', label: '镇街', suggestions: Object.keys(villages) },
      { kind: 'text', name: 'street', label: '街路', suggestions: (d) => (d.town === '临江街道' ? ['滨江路'] : []) },
      { kind: 'select', name: 'village', label: '村（社区）', placeholder: (d) => (villages[String(d.town)]?.length ? '请选择' : '请先选择镇街'), options: (d) => (villages[String(d.town)] ?? []).map((v) => ({ value: v, label: v })) },
    ];
    const host = document.createElement('form');
    document.body.append(host);
    let draft: ActionDraft = { town: '' };
    const draw = () => render(html`${actionFields(fields, { id: (n) => `d-${n}`, draft, change: (n, v) => ((draft = { ...draft, [n]: v }), draw()) })}`, host);
    draw();
    const town = host.querySelector<HTMLInputElement>('#d-town')!;
    expect(town.getAttribute('list')).toBe('d-town-suggestions');
    expect([...host.querySelectorAll('#d-town-suggestions option')].map((o) => o.getAttribute('value'))).toEqual(['临江街道', '站前街道']);
    // Nothing to suggest: no list at all.
    expect(host.querySelector('#d-street')!.hasAttribute('list')).toBe(false);
    const village = host.querySelector<HTMLSelectElement>('#d-village')!;
    expect([...village.options].map((o) => o.textContent)).toEqual(['请先选择镇街']);
    expect(village.disabled).toBe(true); // only the placeholder to pick: it waits for the town
    town.value = '临江街道';
    town.dispatchEvent(new Event('input'));
    expect([...village.options].map((o) => o.value)).toEqual(['', '江城社区', '滨江社区']);
    expect(village.options[0]!.textContent).toBe('请选择');
    expect(village.disabled).toBe(false);
    expect(host.querySelector('#d-street')!.getAttribute('list')).toBe('d-street-suggestions');
    village.value = '滨江社区';
    village.dispatchEvent(new Event('change'));
    expect(draft.village).toBe('滨江社区');
    host.remove();
  });
});
