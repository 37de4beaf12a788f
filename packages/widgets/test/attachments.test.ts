import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import { addAttachment, attachmentStoreSpec, createMemoryStore, sha256Of, type Attachment, type AttachmentStore } from '@bihuan/core';
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

  test('a supervisor never sees a file name: numbers, format and size instead; papers and agreements withheld, photos downloadable; refusals name files masked', async () => {
    const store = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const item = { kind: 'dispute', id: 'D-2' };
    const by = { id: 'mediator-li', role: 'mediator', name: '李调解员' };
    const add = (id: string, type: Attachment['type'], name: string, bytes: string, minute: number) =>
      addAttachment(store, { id, item, type, addedBy: by, addedAt: `2026-11-20T10:0${minute}:00+08:00` }, new File([bytes], name, { type: 'image/jpeg' }));
    expect((await add('f1', 'idDocument', '张三丰身份证.jpg', 'id-card', 1)).ok).toBe(true);
    expect((await add('f2', 'photo', '李四海家门口.jpg', 'doorway', 2)).ok).toBe(true);
    expect((await add('f3', 'photo', '张三丰楼道.jpg', 'stairs', 3)).ok).toBe(true);
    const opened: { id: string; text: string; name: string }[] = [];
    const c = await mount(
      html`<bh-attachments item-kind="dispute" item-id="D-2" viewer="sup-gao" viewer-role="supervisor" .store=${store}
        @bh-attachment-opened=${(e: CustomEvent<{ attachment: Attachment; blob: Blob }>) => {
          e.preventDefault();
          void e.detail.blob.text().then((text) => opened.push({ id: e.detail.attachment.id, text, name: e.detail.attachment.name }));
        }}></bh-attachments>`,
    );
    const el = c.querySelector('bh-attachments')!;
    const root = el.shadowRoot!;
    await waitFor(() => root.querySelectorAll('[part="table"] tbody tr').length === 3, root);
    const text = shadowText(el);
    for (const name of ['张三丰', '李四海']) expect(text).not.toContain(name);
    expect([...root.querySelectorAll('tbody th')].map((th) => th.textContent)).toEqual(['附件 1（JPEG，7 B）', '附件 2（JPEG，7 B）', '附件 3（JPEG，6 B）']);
    expect(text).toContain('文件名以编号代替');
    // The ID document is withheld; the photos have their download.
    const rows = [...root.querySelectorAll('tbody tr')];
    expect(rows[0]!.querySelector('[part="withheld"]')?.textContent).toBe('含个人信息，不提供');
    expect(rows[0]!.querySelector('[part="download"]')).toBeNull();
    const download = rows[1]!.querySelector<HTMLButtonElement>('[part="download"]')!;
    expect(download.getAttribute('aria-label')).toBe('下载“附件 2（JPEG，7 B）”');
    download.click();
    await waitFor(() => opened.length === 1);
    expect(opened[0]).toEqual({ id: 'f2', text: 'doorway', name: 'attachment-2.jpg' });
    // The same bytes again: the refusal names the file already there by its number.
    const dt = new DataTransfer();
    dt.items.add(new File(['id-card'], '王五.jpg', { type: 'image/jpeg' }));
    root.querySelector('[part="drop"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    await waitFor(() => !!root.querySelector('[part="refused"]'), root);
    expect(shadowText(root.querySelector('[part="refused"]'))).toContain('该文件已作为“attachment-1.jpg”上传到本事项');
    // A supervisor may withdraw: the status names the file masked, and the numbers of the others stay.
    root.querySelector<HTMLButtonElement>('button[aria-label="删除“附件 3（JPEG，6 B）”"]')!.click();
    await waitFor(() => root.querySelectorAll('[part="table"] tbody tr').length === 2, root);
    expect(shadowText(root.querySelector('[part="status"]'))).toBe('已删除“附件 3（JPEG，6 B）”。');
    expect(shadowText(el)).not.toContain('张三丰');
    await expectNoAxeViolations(c);
  });

  test('bytes not on this device are fetched on demand through sync, with fetching and failure shown in the row; a retry fetches again; English', async () => {
    const own = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    // Another officer's file: its record came with a pull, its bytes are on the server only.
    const record: Attachment = {
      id: 'far-1',
      item: { kind: 'dispute', id: 'D-3' },
      type: 'photo',
      name: 'stairwell.jpg',
      size: 9,
      mediaType: 'image/jpeg',
      sha256: await sha256Of(new Blob(['far-bytes'])),
      addedBy: { id: 'grid-wang', role: 'gridWorker', name: 'Wang' },
      addedAt: '2026-11-20T02:00:00.000Z',
    };
    await own.put('attachments', record);
    let answer: () => Promise<Blob | undefined> = () => Promise.reject(new Error('offline'));
    let release!: () => void;
    const asked: string[] = [];
    const sync = {
      fetchFile: (id: string) => {
        asked.push(id);
        return answer();
      },
    };
    const opened: string[] = [];
    const c = await mount(
      html`<bh-attachments item-kind="dispute" item-id="D-3" viewer="mediator-li" .store=${own} .sync=${sync}
        @bh-attachment-opened=${(e: CustomEvent<{ blob: Blob }>) => {
          e.preventDefault();
          void e.detail.blob.text().then((t) => opened.push(t));
        }}></bh-attachments>`,
      'en',
    );
    const root = c.querySelector('bh-attachments')!.shadowRoot!;
    await waitFor(() => !!root.querySelector('[part="download"]'), root);
    // First try: the server cannot be reached — said in the row, with a retry.
    root.querySelector<HTMLButtonElement>('[part="download"]')!.click();
    await waitFor(() => shadowText(root.querySelector('[part="fetch-state"]')) === 'Could not fetch this file from the server.', root);
    const retry = root.querySelector<HTMLButtonElement>('[part="download"]')!;
    expect([retry.textContent, retry.getAttribute('aria-label')]).toEqual(['Retry', 'Retry "stairwell.jpg"']);
    await expectNoAxeViolations(c);
    // Second try: slow, shown as fetching; then the bytes, kept on this device for next time.
    answer = () => new Promise((resolve) => (release = () => resolve(new Blob(['far-bytes'], { type: 'image/jpeg' }))));
    retry.click();
    await waitFor(() => shadowText(root.querySelector('[part="fetch-state"]')) === 'Fetching from the server…', root);
    expect(root.querySelector('[part="fetch-state"]')!.getAttribute('role')).toBe('status');
    release();
    await waitFor(() => opened.length === 1, root);
    expect(opened).toEqual(['far-bytes']);
    expect(root.querySelector('[part="fetch-state"]')).toBeNull();
    expect(asked).toEqual(['far-1', 'far-1']);
    // Bytes already here are not fetched again.
    await own.putBlob('far-1', new Blob(['far-bytes'], { type: 'image/jpeg' }));
    root.querySelector<HTMLButtonElement>('[part="download"]')!.click();
    await waitFor(() => opened.length === 2, root);
    expect(asked).toHaveLength(2);
    // A page that gives no sync: a file not here says so, and offers no retry.
    const bare = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    await bare.put('attachments', record);
    const c2 = await mount(html`<bh-attachments item-kind="dispute" item-id="D-3" .store=${bare}></bh-attachments>`, 'en');
    const root2 = c2.querySelector('bh-attachments')!.shadowRoot!;
    await waitFor(() => !!root2.querySelector('[part="download"]'), root2);
    root2.querySelector<HTMLButtonElement>('[part="download"]')!.click();
    await waitFor(() => shadowText(root2.querySelector('[part="fetch-state"]')).includes('not on this device'), root2);
    expect(root2.querySelector('[part="download"]')).toBeNull();
    expect(shadowText(root2.host)).not.toMatch(/[\u3000-\u303f\uff01-\uff1f]/);
  });

  test('with a sync that pulls, the item’s records are asked of the server once: a withdrawal made on another device leaves the list', async () => {
    const store = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const by = { id: 'mediator-li', role: 'mediator' };
    expect((await addAttachment(store, { id: 'w1', item: { kind: 'dispute', id: 'D-5' }, type: 'photo', addedBy: by, addedAt: '2026-11-20T10:00:00+08:00' }, jpeg('w1', '现场.jpg'))).ok).toBe(true);
    const pulls: [string, string][] = [];
    const sync = {
      fetchFile: async () => undefined,
      // As the synced store does: the server says the file was withdrawn elsewhere; the record here is marked.
      pullFiles: async (collection: string, key: string) => {
        pulls.push([collection, key]);
        const known = (await store.get('attachments', 'w1'))!;
        await store.put('attachments', { ...known, removedAt: '2026-11-20T03:00:00.000Z', removedBy: by });
        return [];
      },
    };
    const c = await mount(html`<bh-attachments item-kind="dispute" item-id="D-5" viewer="mediator-li" .store=${store} .sync=${sync}></bh-attachments>`);
    const el = c.querySelector('bh-attachments')!;
    await waitFor(() => shadowText(el).includes('暂无附件'), el.shadowRoot!);
    await new Promise((r) => setTimeout(r, 100));
    expect(pulls).toEqual([['disputes', 'D-5']]);
  });

  test('a sync without fetchFile is refused in place, naming the property, without throwing into the page', async () => {
    const store = createMemoryStore(attachmentStoreSpec) as AttachmentStore;
    const problems: unknown[] = [];
    const c = await mount(html`<bh-attachments item-kind="dispute" item-id="D-4" .store=${store} .sync=${{ fetch: () => undefined }} @bh-problem=${(e: CustomEvent) => problems.push(e.detail)}></bh-attachments>`);
    const el = c.querySelector('bh-attachments')!;
    await waitFor(() => !!el.shadowRoot!.querySelector('[part="problem"]'), el.shadowRoot!);
    expect(shadowText(el.shadowRoot!.querySelector('[part="problem"]'))).toContain('fetchFile');
    expect(problems).toHaveLength(1);
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
