// Masking follows the schema's personal marks wherever a widget renders a record: the grid worker
// who reported a dispute, every party's name, phone, ID number and address — in the case view and
// in the ledger — masked for a viewer who may not see them, in clear for one who may.
import { afterEach, describe, expect, test } from 'vitest';
import { html } from 'lit';
import '@bihuan/widgets/dispute-case';
import '@bihuan/widgets/dispute-ledger';
import { type DisputeItem, DisputeSchema, acceptDispute, createMemoryStore, disputeStoreSpec, maskName, maskRecord } from '@bihuan/core';
import { viewerItem } from '../src/internal/masking.js';
import { disputeLoop } from '@bihuan/core/dispute';
import { cleanup, mount, shadowText } from '../../../test/browser/support/render.js';
import { until } from './dispute-support.js';

afterEach(cleanup);

const PERSONAL = { worker: '赵网格员', name: '陈建国', phone: '13812341234', idNumber: '110101198001011234', address: '锦绣小区3号楼502室' };

function gridReport(): DisputeItem {
  return acceptDispute({
    id: 'JF-GRID-1',
    intake: {
      title: '邻里噪声纠纷',
      category: 'noise',
      description: '楼上夜间噪声。',
      channel: 'grid',
      town: '站前街道',
      community: '锦绣社区',
      parties: [
        { id: 'p1', side: 'applicant', name: PERSONAL.name, phone: PERSONAL.phone, idNumber: PERSONAL.idNumber, address: PERSONAL.address },
        { id: 'p2', side: 'respondent', name: '李秀英' },
      ],
      reportedBy: { id: 'grid-017', name: PERSONAL.worker },
    },
    actor: { id: 'clerk', role: 'intakeClerk' },
    at: '2025-09-26T09:00:00+08:00',
  });
}

const clearValues = Object.values(PERSONAL);

describe('masking follows the schema', () => {
  test('the viewer copy masks exactly what core masks from the dispute schema, and leaves the record alone', () => {
    const item = gridReport();
    const before = JSON.stringify(item);
    const masked = viewerItem(disputeLoop, item, false);
    expect(masked.data).toEqual(maskRecord(DisputeSchema, item.data));
    expect(masked.data.reportedBy!.name).not.toBe(PERSONAL.worker);
    expect(JSON.stringify(item)).toBe(before);
    expect(viewerItem(disputeLoop, item, true)).toBe(item);
  });

  test('<bh-dispute-case>: the grid worker and every personal field of the parties are masked for a supervisor, in clear for the intake clerk', async () => {
    const store = createMemoryStore(disputeStoreSpec);
    await store.put('disputes', gridReport() as never);
    const c = await mount(html`<bh-dispute-case .store=${store} dispute-id="JF-GRID-1" viewer-role="supervisor"></bh-dispute-case>
      <bh-dispute-case .store=${store} dispute-id="JF-GRID-1" viewer-role="intakeClerk"></bh-dispute-case>`);
    const [masked, clear] = [...c.querySelectorAll('bh-dispute-case')];
    await until(() => shadowText(masked).includes('邻里噪声纠纷') && shadowText(clear).includes('邻里噪声纠纷'));
    for (const value of clearValues) {
      expect(shadowText(masked), value).not.toContain(value);
      expect(shadowText(clear), value).toContain(value);
    }
    expect(shadowText(masked)).toContain(`（${maskName(PERSONAL.worker)}）`);
  });

  test('<bh-dispute-ledger>: the applicant’s name and phone are masked for a supervisor, in clear for a mediator', async () => {
    const items = [gridReport()];
    const c = await mount(html`<bh-dispute-ledger .items=${items} viewer-role="supervisor" now="2025-09-26T10:00:00+08:00"></bh-dispute-ledger>
      <bh-dispute-ledger .items=${items} viewer-role="mediator" now="2025-09-26T10:00:00+08:00"></bh-dispute-ledger>`);
    const [masked, clear] = [...c.querySelectorAll('bh-dispute-ledger')];
    await until(() => shadowText(masked).includes('JF-GRID-1') && shadowText(clear).includes('JF-GRID-1'));
    for (const value of [PERSONAL.name, PERSONAL.phone]) {
      expect(shadowText(masked), value).not.toContain(value);
      expect(shadowText(clear), value).toContain(value);
    }
  });
});
