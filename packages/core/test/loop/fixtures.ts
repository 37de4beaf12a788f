// The later loops of the source, sketched on the engine as it is, to show they fit unchanged.
import { z } from 'zod';
import { defineLoop } from '@bihuan/core';

const L = (zh: string, en: string) => ({ 'zh-CN': zh, en });

/** S1 community-policing task loop: dispatched → fed back → verified / returned, exempt, cancelled. */
export const taskLoop = defineLoop({
  id: 'policing-task',
  version: 1,
  data: z.object({ taskId: z.string(), officer: z.string(), feedbacks: z.int().min(0), evidence: z.array(z.string()) }),
  initial: 'dispatched',
  creators: ['headquarters'],
  roles: { headquarters: { label: L('指挥部', 'headquarters') }, officer: { label: L('社区民警', 'community officer') } },
  states: {
    dispatched: { label: L('已派发', 'dispatched'), limit: { workingDays: 20 } },
    fedBack: { label: L('已反馈', 'fed back'), limit: { hours: 48 } },
    verified: { label: L('已核验', 'verified'), final: true },
    exempt: { label: L('已免办', 'exempt'), final: true },
    cancelled: { label: L('已撤销', 'cancelled'), final: true },
  },
  events: {
    feedBack: {
      label: L('反馈', 'feed back'),
      from: ['dispatched'],
      to: 'fedBack',
      roles: ['officer'],
      payload: z.object({ evidence: z.array(z.string().min(1)).min(1) }),
      apply: (d, p: { evidence: string[] }) => ({ ...d, feedbacks: d.feedbacks + 1, evidence: [...d.evidence, ...p.evidence] }),
    },
    verify: { label: L('核验', 'verify'), from: ['fedBack'], to: 'verified', roles: ['headquarters'] },
    giveBack: { label: L('退回', 'return'), from: ['fedBack'], to: 'dispatched', roles: ['headquarters'], payload: z.object({ reason: z.string().min(1) }) },
    exempt: { label: L('免办', 'exempt'), from: ['dispatched'], to: 'exempt', roles: ['headquarters'], payload: z.object({ reason: z.string().min(1) }) },
    cancel: { label: L('撤销', 'cancel'), from: ['dispatched', 'fedBack'], to: 'cancelled', roles: ['headquarters'] },
  },
});

/** S12/S15 rectification loop: open → in progress → submitted → verified → written off; returned. */
export const rectificationLoop = defineLoop({
  id: 'rectification',
  version: 1,
  data: z.object({ problem: z.string(), measures: z.array(z.string()), returned: z.int().min(0), accountability: z.boolean() }),
  initial: 'open',
  roles: { owner: { label: L('整改责任人', 'owner') }, inspector: { label: L('督查', 'inspector') } },
  states: {
    open: { label: L('待整改', 'open'), limit: { workingDays: 5 } },
    inProgress: { label: L('整改中', 'in progress'), limit: { days: 30 } },
    submitted: { label: L('已提交', 'submitted'), limit: { workingDays: 5 } },
    verified: { label: L('已验收', 'verified'), limit: { workingDays: 2 } },
    writtenOff: { label: L('已销号', 'written off'), final: true },
  },
  events: {
    start: { label: L('开始整改', 'start'), from: ['open'], to: 'inProgress', roles: ['owner'], payload: z.object({ measures: z.array(z.string().min(1)).min(1) }), apply: (d, p: { measures: string[] }) => ({ ...d, measures: p.measures }) },
    submit: { label: L('提交', 'submit'), from: ['inProgress'], to: 'submitted', roles: ['owner'] },
    verify: { label: L('验收', 'verify'), from: ['submitted'], to: 'verified', roles: ['inspector'] },
    giveBack: { label: L('退回', 'return'), from: ['submitted'], to: 'inProgress', roles: ['inspector'], apply: (d) => ({ ...d, returned: d.returned + 1 }) },
    // An overdue item opens accountability: a self-transition that keeps the stage's deadline.
    holdAccountable: {
      label: L('启动问责', 'open accountability'),
      from: ['open', 'inProgress', 'submitted'],
      to: (_p, s) => s.state,
      roles: ['inspector'],
      guard: (s, e) => (s.deadline !== undefined && e.at >= s.deadline ? true : L('未逾期，不能问责', 'not overdue: no accountability yet')),
      apply: (d) => ({ ...d, accountability: true }),
    },
    writeOff: { label: L('销号', 'write off'), from: ['verified'], to: 'writtenOff', roles: ['inspector'] },
  },
});

/** S15 reception-day loop: collected → assigned → handled → fed back → rated → written off; dissatisfaction reopens. */
export const receptionLoop = defineLoop({
  id: 'reception-day',
  version: 1,
  data: z.object({ issue: z.string(), department: z.string().nullable(), ratings: z.array(z.enum(['satisfied', 'dissatisfied'])) }),
  initial: 'collected',
  roles: { host: { label: L('接待领导', 'host') }, department: { label: L('责任部门', 'department') }, entrepreneur: { label: L('企业家', 'entrepreneur') } },
  states: {
    collected: { label: L('已收集', 'collected'), limit: { workingDays: 2 } },
    assigned: { label: L('已交办', 'assigned'), limit: { workingDays: 15 } },
    handled: { label: L('已办理', 'handled'), limit: { workingDays: 3 } },
    fedBack: { label: L('已反馈', 'fed back'), limit: { workingDays: 5 } },
    rated: { label: L('已评价', 'rated'), limit: { workingDays: 2 } },
    writtenOff: { label: L('已销号', 'written off'), final: true },
  },
  events: {
    assign: { label: L('交办', 'assign'), from: ['collected'], to: 'assigned', roles: ['host'], payload: z.object({ department: z.string().min(1) }), apply: (d, p: { department: string }) => ({ ...d, department: p.department }) },
    handle: { label: L('办理', 'handle'), from: ['assigned'], to: 'handled', roles: ['department'] },
    feedBack: { label: L('反馈', 'feed back'), from: ['handled'], to: 'fedBack', roles: ['department'] },
    rate: {
      label: L('评价', 'rate'),
      from: ['fedBack'],
      to: (p: { rating: string }) => (p.rating === 'satisfied' ? 'rated' : 'assigned'),
      roles: ['entrepreneur'],
      payload: z.object({ rating: z.enum(['satisfied', 'dissatisfied']) }),
      apply: (d, p: { rating: 'satisfied' | 'dissatisfied' }) => ({ ...d, ratings: [...d.ratings, p.rating] }),
    },
    writeOff: { label: L('销号', 'write off'), from: ['rated'], to: 'writtenOff', roles: ['host'] },
    reopen: { label: L('重新交办', 'reopen'), from: ['writtenOff'], to: 'assigned', roles: ['host'], reopen: true },
  },
});
