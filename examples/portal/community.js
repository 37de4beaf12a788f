// The community-safety page: large-event permits, minimum emergency units and the volunteer
// police log. The permits are a loop the portal's server keeps: signed in, a synced store (the
// server's filings, the actor the session's user). Otherwise, and for the units and the log, the
// widgets use the default IndexedDB stores; on a first visit this script puts the source's figures
// in them as example data (all data are examples).
import { emergencyUnitStore } from '/widgets/cdn/kit/core/emergency-unit.js';
import { eventPermitStore } from '/widgets/cdn/kit/core/event-permit.js';
import { exampleEmergencyUnits } from '/widgets/cdn/kit/core/emergency-unit/examples.js';
import { exampleEventPermits, examplePermitsInProgress } from '/widgets/cdn/kit/core/event-permit/examples.js';
import { exampleVolunteerLog } from '/widgets/cdn/kit/core/volunteer/examples.js';
import { volunteerStore } from '/widgets/cdn/kit/core/volunteer.js';
import { defaultStore } from '/widgets/cdn/kit/default-store.js';
import { connectStore, firstSync, loadingWords } from './connect.js';
import { seedThen } from './portal.js';

const permits = document.getElementById('permits');
document.getElementById('permit-role').addEventListener('change', (event) => {
  const role = event.target.value;
  permits.setAttribute('viewer-role', role);
  permits.setAttribute('viewer-id', role === 'organizer' ? 'organizer-wang' : 'police-bi');
});

/**
 * On a first visit, puts example records (made only then) in a default store, one collection at a
 * time: each is written in one transaction and only when it is empty, so a visit cut short half-way
 * (the roster written, the assists not) is completed on the next one instead of showing partial
 * figures for good.
 */
async function seed(spec, make) {
  const store = await defaultStore(spec);
  let data;
  for (const name of Object.keys(spec.collections)) {
    if ((await store.count(name)) > 0) continue;
    data ??= make();
    if (data[name]) await store.bulkPut(name, data[name]);
  }
}

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // China's date

// Found now: while their data load the widgets are out of the page (see seedThen).
const sync = document.getElementById('sync');

async function connectPermits() {
  const { store, mode } = await connectStore(eventPermitStore, { collections: { permits: 'eventPermits' } });
  document.getElementById('permit-role-line').hidden = mode === 'synced';
  // The source's 2025 (192 events, all safe), and this year's filings in every state: in this browser only.
  if (mode !== 'synced' && (await store.count('permits')) === 0) await store.bulkPut('permits', [...exampleEventPermits(), ...examplePermitsInProgress(today)]);
  await firstSync(store);
  for (const el of [sync, permits]) el.store = store;
}

// The widgets read once, after every seed is done (see seedThen).
void seedThen([sync, permits], [connectPermits], loadingWords({ zh: '大型活动许可', en: 'the event permits' }));
void seedThen(
  ['units', 'volunteers'].map((id) => document.getElementById(id)),
  [
    [emergencyUnitStore, () => exampleEmergencyUnits()],
    [volunteerStore, () => ((log) => ({ volunteers: log.roster, assists: log.assists }))(exampleVolunteerLog())],
  ].map(([spec, make]) => () => seed(spec, make)),
);
