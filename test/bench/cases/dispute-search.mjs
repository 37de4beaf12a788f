// Dispute search over 100,000 disputes: building the index once, then one query by the caller's
// phone (a masked viewer: exact lookups plus a scan of the normalised text) and one possible-
// duplicate check at intake, against the plain way of scanning every record's JSON for the text.
import { createDisputeSearch } from '@bihuan/core';
import { exampleDisputes } from '@bihuan/core/examples';
import { timeSideBySide } from '../measure.mjs';

const N = 100_000;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = ['建国', '秀英', '志强', '丽华', '海涛', '春梅', '国庆', '晓东'];

function ledger() {
  const templates = exampleDisputes(24, '2025-09-01');
  const out = new Array(N);
  for (let i = 0; i < N; i++) {
    const t = templates[i % templates.length];
    const phone = `139${String(i).padStart(8, '0')}`;
    out[i] = { ...t, id: `JF-${String(i + 1).padStart(7, '0')}`, data: { ...t.data, parties: [{ ...t.data.parties[0], name: `${SURNAMES[i % 20]}${GIVEN[(i >> 3) % 8]}${i % 97}`, phone }, t.data.parties[1]] } };
  }
  return out;
}

export default {
  name: 'dispute-search',
  unit: 'ms',
  description: 'createDisputeSearch over 100,000 disputes, then a phone search (masked viewer) and a possible-duplicate check, vs scanning each record’s JSON',
  run() {
    const items = ledger();
    const phone = '139 0009 8765';
    let search;
    const times = timeSideBySide(
      {
        index: () => (search = createDisputeSearch(items)).size,
        query: () => (search ?? (search = createDisputeSearch(items))).search(phone, { viewer: { role: 'supervisor' } }).length + search.possibleDuplicates({ town: '站前街道', parties: [{ phone }] }, { at: '2025-11-20T10:00:00+08:00' }).length,
        jsonScan: () => items.filter((d) => JSON.stringify(d).includes('13900098765')).length,
      },
      { runs: 5, warmup: 1 },
    );
    return { ours: times.query, peers: { 'index build (once per ledger)': times.index, 'JSON scan of every record': times.jsonScan } };
  },
};
