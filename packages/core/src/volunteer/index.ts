export { ASSIST_KINDS, VolunteerSchema, AssistSchema, type AssistKind, type Volunteer, type VolunteerInput, type Assist, type AssistInput } from './schema.js';
export { formatHours, logAssist, summarizeVolunteerLog, type AssistTally, type VolunteerTally, type VolunteerLogSummary } from './log.js';
export { volunteerStore, type VolunteerCollections } from './store.js';
export { logAssistIn } from './operations.js';
