// @bihuan/widgets — importing this registers every widget. Import '@bihuan/widgets/<name>' to
// register one, or '@bihuan/widgets/classes' to register none.
// First, before lit is evaluated: a page whose CSP refuses lit's Trusted Types policy still loads.
import './internal/trusted-types.js';
export * from './classes.js';
import './components/rate-card/define.js';
import './components/rate-trend/define.js';
import './components/dispute-intake/define.js';
import './components/dispute-ledger/define.js';
import './components/dispute-case/define.js';
import './components/event-permits/define.js';
import './components/emergency-units/define.js';
import './components/volunteer-log/define.js';
import './components/business-liaison/define.js';
import './components/job-fair/define.js';
import './components/law-quiz/define.js';
import './components/task-checklist/define.js';
import './components/task-supervision/define.js';
import './components/law-report-scorecard/define.js';
import './components/rectification-ledger/define.js';
import './components/reception-issues/define.js';
import './components/supervision-orders/define.js';
import './components/sync-status/define.js';
import './components/attachments/define.js';
import './components/print-document/define.js';
import './components/notice-log/define.js';
