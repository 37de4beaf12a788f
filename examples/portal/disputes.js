// The disputes page: the intake, the ledger and one case, wired together. The widgets share the
// default IndexedDB store; the ledger hears every change, in this tab or another.
import { defaultStore, disputeStoreSpec, exampleAreaTree, exampleCaseload, exampleNegativeList, notifyStep, watchDueNotices } from '/widgets/cdn/bihuan.js';

const intake = document.getElementById('intake');
const ledger = document.getElementById('ledger');
const kase = document.getElementById('case');
const role = document.getElementById('viewer-role');
const noticeLog = document.getElementById('notice-log');

// The example negative list: matters the centre refers elsewhere instead of taking on.
intake.negativeList = exampleNegativeList();
intake.towns = {
  站前街道: ['锦绣社区', '江城社区', '站前社区'],
  临江街道: ['临江社区', '滨江社区'],
  帽盔山街道: ['山城社区', '帽盔山社区'],
};

// The example county's town–village tree: the intake offers only the chosen town's villages.
intake.areas = exampleAreaTree();

// Notices (通知): core says who should hear of each step; a real portal hands them to its SMS
// gateway here (the `onNotice` hook). This example logs them to the console and lists them.
const lang = () => (document.documentElement.lang === 'en' ? 'en' : 'zh-CN');
function onNotice(notice) {
  console.info('[bihuan notice]', notice.key, notice.recipient, notice.text[lang()]);
  const item = document.createElement('li');
  const who = notice.recipient.kind === 'party' ? `${notice.recipient.partyId}` : notice.recipient.kind === 'department' ? notice.recipient.departmentId : notice.recipient.role;
  item.textContent = `${notice.itemId} → ${who}: ${notice.text[lang()]}`;
  noticeLog.prepend(item);
  while (noticeLog.children.length > 20) noticeLog.lastElementChild.remove();
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
const disputes = defaultStore(disputeStoreSpec);
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
});

function show(id) {
  kase.setAttribute('dispute-id', id);
  kase.hidden = false;
}
ledger.addEventListener('bh-dispute-open', (event) => {
  show(event.detail.id);
  kase.scrollIntoView({ block: 'start' });
});
intake.addEventListener('bh-dispute-accepted', (event) => show(event.detail.id));
