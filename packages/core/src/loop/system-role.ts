/** The role a host's scheduler acts in when it escalates by rule (added to each escalating loop). Apart from the escalation machinery: role tables (the dispute ledger's) need only its name. */
export const SYSTEM_ROLE = { system: { label: { 'zh-CN': '系统（按规则）', en: 'system (by rule)' } } } as const;
