// The disputes page: the intake, the ledger and one case, wired together. The widgets share the
// default IndexedDB store; the ledger hears every change, in this tab or another.
import { exampleNegativeList } from '/widgets/cdn/bihuan.js';

const intake = document.getElementById('intake');
const ledger = document.getElementById('ledger');
const kase = document.getElementById('case');
const role = document.getElementById('viewer-role');

// The example negative list: matters the centre refers elsewhere instead of taking on.
intake.negativeList = exampleNegativeList();
intake.towns = {
  站前街道: ['锦绣社区', '江城社区', '站前社区'],
  临江街道: ['临江社区', '滨江社区'],
  帽盔山街道: ['山城社区', '帽盔山社区'],
};

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
