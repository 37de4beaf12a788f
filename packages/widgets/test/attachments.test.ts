import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { attachmentStoreSpec, createMemoryStore, sha256Of, type AttachmentStore } from '@bihuan/core';
import '@bihuan/widgets/attachments';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { expectNoAxeViolations } from '../../../test/browser/support/axe.js';

afterEach(cleanup);

async function waitFor(check: () => boolean, root?: ShadowRoot): Promise<void> {
  for (let i = 0; i < 300 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check(), root ? shadowText(root.host) : undefined).toBe(true);
}

const jpeg = (text: string, name: string) => new File([text], name, { type: 'image/jpeg' });

describe('<bh-attachments>', () => {
  test('add by drop and by the picker, refuse a duplicate and a wrong format with reasons, remove; all stored as told; keyboard and axe', async () => {
    const store = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const c = await mount(html`<bh-attachments item-kind="dispute" item-id="D-1" viewer="mediator-li" viewer-name="李调解员" now="2026-11-20T10:00:00+08:00" .store=${store}></bh-attachments>`);
    const el = c.querySelector('bh-attachments')!;
    const root = el.shadowRoot!;
    await waitFor(() => !!root.querySelector('[part="drop"]'));
    expect(shadowText(el)).toContain("暂无附件");

    // Drop two photos, one of them twice over (same bytes, another name).
    const dt = new DataTransfer();
    dt.items.add(jpeg('photo-bytes-1', '现场1.jpg'));
    dt.items.add(jpeg('photo-bytes-2', '现场2.jpg'));
    dt.items.add(jpeg('photo-bytes-1', '现场1-副本.jpg'));
    root.querySelector('[part="drop"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await waitFor(() => root.querySelectorAll('[part="table"] tbody tr').length === 2 && !!root.querySelector('[part="refused"]'), root);
    const table = shadowText(root.querySelector('[part="table"]'));
    const hash = await sha256Of(new Blob(['photo-bytes-1']));
    expect(table).toContain('现场1.jpg');
    expect(table).toContain(`${hash.slice(0, 12)}…`);
    expect(table).toContain('13 B');
    expect(table).toContain('李调解员');
    expect(shadowText(root.querySelector('[part="refused"]'))).toContain('现场1-副本.jpg：该文件已作为“现场1.jpg”上传到本事项');

    // The picker, with the type set to agreement scan: a JPEG is fine, a text file is not.
    const select = root.querySelector('select')!;
    select.value = 'agreementScan';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    const input = root.querySelector<HTMLInputElement>('input[type=file]')!;
    const picked = new DataTransfer();
    picked.items.add(new File(['scan'], '协议书.jpg', { type: 'image/jpeg' }));
    picked.items.add(new File(['x'], 'a.txt', { type: 'text/plain' }));
    input.files = picked.files;
    input.dispatchEvent(new Event('change'));
    await waitFor(() => root.querySelectorAll('[part="table"] tbody tr').length === 3);
    expect(shadowText(root.querySelector('[part="refused"]'))).toContain('a.txt');
    const stored = (await store.all('attachments')).items;
    expect(stored.map((a) => [a.name, a.type]).sort()).toEqual([['协议书.jpg', 'agreementScan'], ['现场1.jpg', 'photo'], ['现场2.jpg', 'photo']]);
    expect(await (await store.getBlob(stored.find((a) => a.name === '现场2.jpg')!.id))!.text()).toBe('photo-bytes-2');

    // Keyboard: the picker and each remove button take focus; removing by keyboard-activated click.
    input.focus();
    expect(root.activeElement).toBe(input);
    const remove = root.querySelector<HTMLButtonElement>('button[aria-label="删除“现场2.jpg”"]')!;
    remove.focus();
    expect(root.activeElement).toBe(remove);
    remove.click();
    await waitFor(() => root.querySelectorAll('[part="table"] tbody tr').length === 2);
    expect(shadowText(root.querySelector('[part="status"]'))).toContain('已删除“现场2.jpg”');
    expect((await store.all('attachments')).items.find((a) => a.name === '现场2.jpg')?.removedAt).toBe('2026-11-20T02:00:00.000Z');
    await expectNoAxeViolations(c);
  });

  test('English, read only without a viewer: no form, no remove buttons', async () => {
    const store = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const c = await mount(html`<bh-attachments item-kind="dispute" item-id="D-1" .store=${store}></bh-attachments>`, 'en');
    const root = c.querySelector('bh-attachments')!.shadowRoot!;
    await waitFor(() => shadowText(root.host).includes("No attachments yet."));
    expect(root.querySelector('form')).toBeNull();
    expect(shadowText(root.host)).toContain("No viewer is set");
  });
});
