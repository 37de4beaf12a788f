// The action forms' one vocabulary, rendered as an inline form: what each kind of field gives.
import { describe, expect, test } from 'vitest';
import { render } from 'lit';
import { type ActionField, actionForm } from '../src/internal/action-form.js';

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
});
