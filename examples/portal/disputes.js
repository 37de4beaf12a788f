// The disputes page: the intake, the ledger, the rate by month and one case, wired together on one
// store. Signed in (at /dev/, with the portal's server up) it is a synced store: the actor of every
// action is the session's user, and another officer's change shows here without a reload (the
// server's live notices). Otherwise the widgets share a store in this browser only, and the
// "working as" choice below stands in for a sign-in (display only).
import { attachmentStoreSpec } from '/widgets/cdn/kit/core/attachment.js';
import { periodOf, periodsBetween, previousPeriod } from '/widgets/cdn/kit/core/calendar.js';
import { disputeStoreSpec, ledgerOfPeriod, notifyStep, recipientKey, summarizeLedger, watchDueNotices } from '/widgets/cdn/kit/core/dispute.js';
import { exampleAreaTree, exampleCaseload } from '/widgets/cdn/kit/core/dispute/examples.js';
import { escalationsOf } from '/widgets/cdn/kit/core/loop.js';
import { supervisionStoreSpec } from '/widgets/cdn/kit/core/supervision.js';
import { exampleNegativeList } from '/widgets/cdn/kit/core/three-lists/examples.js';
import { connectStore, firstSync, personalStore } from './connect.js';
import { seedThen } from './portal.js';

const intake = document.getElementById('intake');
const ledger = document.getElementById('ledger');
const kase = document.getElementById('case');
const role = document.getElementById('viewer-role');
const noticeLog = document.getElementById('notice-log');
const sync = document.getElementById('sync');
const trend = document.getElementById('trend');

// The example negative list: matters the centre refers elsewhere instead of taking on.
intake.negativeList = exampleNegativeList();
intake.towns = {
  站前街道: ['锦绣社区', '江城社区', '站前社区'],
  临江街道: ['临江社区', '滨江社区'],
  帽盔山街道: ['山城社区', '帽盔山社区'],
};

// The example county's town–village tree: the intake offers only the chosen town's villages.
intake.areas = exampleAreaTree();
// The county the portal's server holds (examples/server/county.mjs), for the synced store.
const SERVER_COUNTY = {
  id: 'county-east',
  name: '东区（示例）',
  nameEn: 'East district (example)',
  towns: [
    { id: 'town-a', name: '甲镇', nameEn: 'Town A', villages: [{ id: 'village-a1', name: '幸福社区' }] },
    { id: 'town-b', name: '乙镇', nameEn: 'Town B', villages: [{ id: 'village-b1', name: '和平社区' }] },
  ],
};

// Notices (通知): core says who should hear of each step; a real portal hands them to its SMS
// gateway here (the `onNotice` hook). This example logs them to the console and lists them in
// <bh-notice-log> (newest first, who hears each in the page's language, a party by masked phone).
const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
const NOTICES_KEPT = 200;
let notices = [];
function onNotice(notice) {
  // party:p1, department:court, centre:intakeClerk, level:governance/subDistrict, staff:<handler id>
  console.info('[bihuan notice]', notice.key, recipientKey(notice.recipient), notice.text[lang()]);
  notices = [...notices, notice].slice(-NOTICES_KEPT);
  noticeLog.notices = notices;
}
const onNoticeError = (error) => console.warn('[bihuan notice] not delivered', error);
intake.addEventListener('bh-dispute-accepted', (event) => void notifyStep(null, event.detail.dispute, undefined, onNotice, onNoticeError));
intake.addEventListener('bh-dispute-declined', (event) => {
  const dispute = event.detail.dispute;
  void notifyStep({ ...dispute, state: 'received' }, dispute, undefined, onNotice, onNoticeError);
});
kase.addEventListener('bh-dispute-transition', (event) => {
  const { dispute, from, event: type } = event.detail;
  const before = { ...dispute, state: from, data: from === 'routed' ? dispute.data : { ...dispute.data, routing: null } };
  void notifyStep(before, dispute, { type, at: dispute.updatedAt }, onNotice, onNoticeError);
});

// Deadline notices: core's timer looks at the open disputes every 15 minutes (and once now) and hands
// each "due soon" or "follow-up due" notice to the same hook, once per stage deadline.
// The page's store (synced or local), once connect() below has it.
let storeReady;
const disputes = new Promise((resolve) => (storeReady = resolve));
watchDueNotices({ read: async () => (await (await disputes).all('disputes')).items, onNotice, onError: onNoticeError });

// A year of example disputes relative to today (on request: the ledger starts empty). They are
// examples — ids start with EX- and every description with 【示例】.
const loadYear = document.getElementById('load-example-year');
loadYear?.addEventListener('click', async () => {
  loadYear.disabled = true;
  const store = await disputes;
  if ((await store.count('disputes')) === 0) await store.bulkPut('disputes', exampleCaseload({ now: Date.now() }));
});

const IDS = { intakeClerk: 'clerk-li', mediator: 'mediator-wang', departmentLiaison: 'liaison-court', supervisor: 'head-gao' };
// The body a liaison acts for: a liaison mediates only for a department the dispute is routed to.
const UNITS = { departmentLiaison: 'court' };
role.addEventListener('change', () => {
  for (const el of [ledger, kase]) el.setAttribute('viewer-role', role.value);
  kase.setAttribute('viewer-id', IDS[role.value] ?? 'staff');
  if (UNITS[role.value]) kase.setAttribute('viewer-unit', UNITS[role.value]);
  else kase.removeAttribute('viewer-unit');
  void papers();
  viewSupervision();
});

// The chosen dispute's papers: its attachments (the user's own store; signed in, sent to the server)
// and the documents an office prints from it — the intake form, the agreement once settled, the
// follow-up record once followed up. Made when a dispute is chosen, for that dispute.
const papersBox = document.getElementById('case-papers');
const printKind = document.getElementById('case-print-kind');
let attachmentStore;
let pageStore;
/** Who works on the page: the session's user when signed in, else the "working as" choice. */
function worker() {
  const session = pageStore?.session;
  if (session) return { id: session.actor.id, role: session.actor.roles[0] ?? '', name: session.actor.name ?? session.actor.id, roles: session.actor.roles };
  return { id: IDS[role.value] ?? 'staff', role: role.value, name: role.selectedOptions[0]?.textContent ?? role.value, roles: [role.value] };
}
async function papers() {
  const id = kase.getAttribute('dispute-id');
  if (!id || !pageStore) return;
  papersBox.hidden = false;
  attachmentStore ??= await personalStore(attachmentStoreSpec);
  let files = document.getElementById('case-attachments');
  if (!files) {
    files = document.createElement('bh-attachments');
    files.id = 'case-attachments';
    files.setAttribute('item-kind', 'dispute');
    files.setAttribute('no-heading', '');
    files.setAttribute('aria-labelledby', 'case-attachments-heading');
    files.store = attachmentStore;
    // Signed in: a file another officer added has its record here and its bytes on the server,
    // fetched when it is opened (the synced store's sync control).
    if (pageStore.sync?.fetchFile) files.sync = pageStore.sync;
    document.getElementById('case-attachments-slot').append(files);
  }
  const who = worker();
  files.setAttribute('item-id', id);
  files.setAttribute('viewer', who.id);
  files.setAttribute('viewer-role', who.role);
  files.setAttribute('viewer-name', who.name);
  await printCase();
}
async function printCase() {
  const id = kase.getAttribute('dispute-id');
  if (!id || !pageStore) return;
  const record = await pageStore.get('disputes', id);
  let sheet = document.getElementById('case-print');
  if (!sheet) {
    sheet = document.createElement('bh-print-document');
    sheet.id = 'case-print';
    document.getElementById('case-print-slot').append(sheet);
  }
  sheet.setAttribute('document', printKind.value);
  if (record) sheet.record = record;
}
printKind.addEventListener('change', () => void printCase());

// Supervision orders (督办单) on the disputes past their stage's deadline or escalated by rule: the
// supervisor issues them (the level above the centre); everyone else reads them. An order issued
// is shown at once as the paper the office sends.
const supervision = document.getElementById('supervision');
let supervisionStore;
function viewSupervision() {
  if (worker().roles.includes('supervisor')) supervision.setAttribute('viewer-role', 'issuer');
  else supervision.removeAttribute('viewer-role');
  supervision.setAttribute('viewer-id', worker().id);
}
function supervisionTargets(items) {
  const now = Date.now();
  const open = (d) => !['closed', 'withdrawn', 'merged', 'declined', 'transferred'].includes(d.state);
  supervision.targets = items.filter((d) => open(d) && (escalationsOf(d).length > 0 || (d.deadline !== undefined && Date.parse(d.deadline) < now))).slice(0, 10_000);
}
supervision.addEventListener('bh-supervision-issued', async (event) => {
  const order = await supervisionStore?.get('orders', event.detail.id);
  if (!order) return;
  const sheet = document.createElement('bh-print-document');
  sheet.id = 'supervision-print';
  sheet.setAttribute('document', 'supervision');
  sheet.record = order;
  document.getElementById('supervision-print-slot').replaceChildren(sheet);
});

function show(id) {
  kase.setAttribute('dispute-id', id);
  kase.hidden = false;
  void papers();
}
ledger.addEventListener('bh-dispute-open', (event) => {
  show(event.detail.id);
  kase.scrollIntoView({ block: 'start' });
});
intake.addEventListener('bh-dispute-accepted', (event) => show(event.detail.id));

// The resolution rate of the last six months: each month's disputes as they stood at its end.
const MONTHS = { 'zh-CN': (p) => `${Number(p.key.slice(5))}月`, en: (p) => new Date(`${p.key}-15T00:00:00Z`).toLocaleString('en', { month: 'short', timeZone: 'UTC' }) };
async function drawTrend(store, items) {
  const now = periodOf(Date.now(), 'month');
  let first = now;
  for (let i = 0; i < 5; i++) first = previousPeriod(first);
  items ??= (await store.all('disputes')).items;
  const months = periodsBetween(first.from, now.from, 'month');
  trend.series = [
    {
      name: lang() === 'en' ? 'Accepted in the month' : '当月受理',
      points: months.map((p) => {
        const s = summarizeLedger(ledgerOfPeriod(items, p), p.endMs);
        return { key: p.key, label: MONTHS[lang()](p), numerator: s.resolved, denominator: s.accepted };
      }),
    },
  ];
}

// The page's store: synced when signed in, else local. The widgets step out of the page until it
// is there and, on a synced store, until its first sync: never a ledger read from half the data.
async function connect() {
  // The user's files: on this computer, and sent to the server with the disputes they belong to.
  attachmentStore ??= await personalStore(attachmentStoreSpec);
  kase.attachmentStore = attachmentStore;
  const { store, mode } = await connectStore(disputeStoreSpec, { attachments: attachmentStore });
  document.getElementById('viewer-role-line').hidden = mode === 'synced';
  if (mode === 'synced') {
    // The server's county, and of it only the session's own town for a town's officer: a dispute
    // taken in outside the user's scope would be refused by the server anyway.
    const town = store.session?.scope.level === 'town' ? store.session.scope.name : undefined;
    intake.areas = { ...SERVER_COUNTY, towns: SERVER_COUNTY.towns.filter((t) => !town || t.name === town) };
  }
  await firstSync(store);
  pageStore = store;
  supervisionStore = await personalStore(supervisionStoreSpec);
  supervision.store = supervisionStore;
  viewSupervision();
  for (const el of [sync, intake, ledger, kase]) el.store = store;
  // A year of examples belongs in this browser only, never on the office's server.
  if (loadYear) loadYear.hidden = mode === 'synced';
  storeReady(store);
  const redraw = async () => {
    const { items } = await store.all('disputes');
    await drawTrend(store, items);
    supervisionTargets(items);
    await printCase();
  };
  await redraw();
  let queued = false;
  store.subscribe(() => {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      void redraw();
    });
  });
  new MutationObserver(() => void drawTrend(store)).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}
void seedThen([sync, intake, ledger, trend, supervision], [connect], { zh: '正在读取纠纷数据……', en: 'Loading the disputes…' });
