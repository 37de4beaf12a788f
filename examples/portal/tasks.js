// The community-policing task page: the supervisors' board, an officer's checklist and the
// negative-list check. Signed in (at /dev/, with the portal's server up) the orders are the
// server's — the example county's month, dispatched to its two officers — on a synced store: the
// officer's feedback and the supervisor's urging are recorded as the session's user, and a town's
// officer sees the town's orders only. Otherwise the widgets use a store in this browser, and on a
// first visit this script dispatches this month from the example catalog to an example roster
// (12 officers: 3 counties × 2 stations × 2, 1,236 orders) and moves it on to now, before the
// widgets read it (all data are examples).
import { exampleNegativeList } from '/widgets/cdn/kit/core/three-lists/examples.js';
import { exampleRoster, exampleTaskOrders } from '/widgets/cdn/kit/core/task/examples.js';
import { loadRoster, taskStoreSpec } from '/widgets/cdn/kit/core/task.js';
import { checkNegativeList } from '/widgets/cdn/kit/core/three-lists.js';
import { defaultStore } from '/widgets/cdn/kit/default-store.js';
import { connectStore, firstSync, loadingWords } from './connect.js';
import { TASK_ROSTER } from './example-county.js';
import { seedThen } from './portal.js';

const now = new Date().toISOString();
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7); // China's month

const sync = document.getElementById('sync');
const supervision = document.getElementById('supervision');
const checklist = document.getElementById('checklist');
const select = document.getElementById('officer-select');
document.getElementById('task-month').textContent = month; // the widgets' own headings give way to the page's (no-heading)
supervision.setAttribute('month', month);
checklist.setAttribute('month', month);
select.addEventListener('change', () => checklist.setAttribute('officer', select.value));

/** The officers to choose from (the session's own first, when they are one of them). */
function offerOfficers(officers, own) {
  const list = own ? [...officers.filter((o) => o.id === own), ...officers.filter((o) => o.id !== own)] : officers;
  select.replaceChildren(
    ...list.map((officer) => {
      const option = document.createElement('option');
      option.value = officer.id;
      option.textContent = `${officer.name}（${officer.community}）`;
      return option;
    }),
  );
  checklist.setAttribute('officer', select.value);
}

async function connect() {
  const { store, mode, user } = await connectStore(taskStoreSpec, { collections: { orders: 'taskOrders' } });
  if (mode === 'synced') {
    // The server's orders name the example county's roster; the roster itself stays in this browser.
    const roster = loadRoster(TASK_ROSTER);
    await store.put('rosters', roster);
    // A town's officer is offered the town's officers only (the server sends no other orders).
    const town = store.session?.scope.level === 'town' ? store.session.scope.name : undefined;
    const stations = new Set(roster.stations.filter((s) => !town || s.name['zh-CN'].startsWith(town)).map((s) => s.id));
    offerOfficers(roster.officers.filter((o) => stations.has(o.station)), user?.sub);
    await firstSync(store);
  } else {
    const roster = exampleRoster({ counties: 3, stationsPerCounty: 2, officersPerStation: 2 });
    offerOfficers(roster.officers.slice(0, 12));
    if ((await store.count('orders', { index: 'month', equals: month })) === 0) {
      await Promise.all([store.put('rosters', roster), store.bulkPut('orders', exampleTaskOrders({ roster, month, now }))]);
    }
  }
  for (const el of [sync, supervision, checklist]) el.store = store;
}
void seedThen([sync, supervision, checklist], [connect], loadingWords({ zh: '任务单', en: 'the task orders' }));

const negative = exampleNegativeList();
document.getElementById('negative-check').addEventListener('submit', (event) => {
  event.preventDefault();
  const kind = document.getElementById('intake-kind').value;
  const amount = document.getElementById('intake-amount').value;
  const verdict = checkNegativeList(negative, amount === '' ? { kind } : { kind, amount: Number(amount) });
  const en = document.documentElement.lang === 'en';
  document.getElementById('negative-verdict').textContent = verdict.ok ? (en ? 'May be taken on: no negative-list rule applies.' : '可以受理：不在负面清单之内。') : verdict.reason[en ? 'en' : 'zh-CN'];
});
