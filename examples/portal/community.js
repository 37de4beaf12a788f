// The community-safety page: large-event permits, minimum emergency units and the volunteer
// police log. The widgets use the default IndexedDB stores; on a first visit this script puts the
// source's figures in them as example data (all data are examples).
import {
  defaultStore,
  emergencyUnitStore,
  eventPermitStore,
  exampleEmergencyUnits,
  exampleEventPermits,
  examplePermitsInProgress,
  exampleVolunteerLog,
  volunteerStore,
} from '/widgets/cdn/bihuan.js';
import { seedThen } from './portal.js';

const permits = document.getElementById('permits');
document.getElementById('permit-role').addEventListener('change', (event) => {
  const role = event.target.value;
  permits.setAttribute('viewer-role', role);
  permits.setAttribute('viewer-id', role === 'organizer' ? 'organizer-wang' : 'police-bi');
});

/** On a first visit, puts example records (made only then) in a default store. */
async function seed(spec, probe, make) {
  const store = await defaultStore(spec);
  if ((await store.count(probe)) > 0) return;
  for (const [name, list] of Object.entries(make())) await store.bulkPut(name, list);
}

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // China's date
// The widgets read once, after every seed is done (see seedThen).
void seedThen(
  ['permits', 'units', 'volunteers'].map((id) => document.getElementById(id)),
  [
    // The source's 2025 (192 events, all safe), and this year's filings in every state.
    [eventPermitStore, 'permits', () => ({ permits: [...exampleEventPermits(), ...examplePermitsInProgress(today)] })],
    [emergencyUnitStore, 'units', () => exampleEmergencyUnits()],
    [volunteerStore, 'volunteers', () => ((log) => ({ volunteers: log.roster, assists: log.assists }))(exampleVolunteerLog())],
  ].map(([spec, probe, make]) => () => seed(spec, probe, make)),
);
