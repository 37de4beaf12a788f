// The community-policing task page: the supervisors' board, an officer's checklist and the
// negative-list check. The widgets use the default IndexedDB store; on a first visit this script
// dispatches this month from the example catalog to an example roster (12 officers: 3 counties ×
// 2 stations × 2, 1,236 orders) and moves it on to now, before the widgets read it (all data are
// examples).
import { exampleNegativeList } from '/widgets/cdn/kit/core/three-lists/examples.js';
import { exampleRoster, exampleTaskOrders } from '/widgets/cdn/kit/core/task/examples.js';
import { taskStoreSpec } from '/widgets/cdn/kit/core/task.js';
import { checkNegativeList } from '/widgets/cdn/kit/core/three-lists.js';
import { defaultStore } from '/widgets/cdn/kit/default-store.js';
import { seedThen } from './portal.js';

const now = new Date().toISOString();
const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7); // China's month
const roster = exampleRoster({ counties: 3, stationsPerCounty: 2, officersPerStation: 2 });

const supervision = document.getElementById('supervision');
const checklist = document.getElementById('checklist');
const select = document.getElementById('officer-select');
document.getElementById('task-month').textContent = month; // the widgets' own headings give way to the page's (no-heading)
supervision.setAttribute('month', month);
checklist.setAttribute('month', month);
for (const officer of roster.officers.slice(0, 12)) {
  const option = document.createElement('option');
  option.value = officer.id;
  option.textContent = `${officer.name}（${officer.community}）`;
  select.append(option);
}
checklist.setAttribute('officer', select.value);
select.addEventListener('change', () => checklist.setAttribute('officer', select.value));

async function seed() {
  const store = await defaultStore(taskStoreSpec);
  if ((await store.count('orders', { index: 'month', equals: month })) > 0) return;
  await Promise.all([store.put('rosters', roster), store.bulkPut('orders', exampleTaskOrders({ roster, month, now }))]);
}
void seedThen([supervision, checklist], [seed]);

const negative = exampleNegativeList();
document.getElementById('negative-check').addEventListener('submit', (event) => {
  event.preventDefault();
  const kind = document.getElementById('intake-kind').value;
  const amount = document.getElementById('intake-amount').value;
  const verdict = checkNegativeList(negative, amount === '' ? { kind } : { kind, amount: Number(amount) });
  const en = document.documentElement.lang === 'en';
  document.getElementById('negative-verdict').textContent = verdict.ok ? (en ? 'May be taken on: no negative-list rule applies.' : '可以受理：不在负面清单之内。') : verdict.reason[en ? 'en' : 'zh-CN'];
});
