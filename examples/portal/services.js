// The services page: business liaison, the job fair before release and the Civil Code quiz. The
// widgets use the default IndexedDB stores; on a first visit this script puts example records in
// them (all data are examples).
import { acceptWindowCase, businessStore } from '/widgets/cdn/kit/core/business.js';
import { jobFairStore } from '/widgets/cdn/kit/core/job-fair.js';
import { defaultStore } from '/widgets/cdn/kit/default-store.js';
import { seedThen } from './portal.js';

async function seedBusiness() {
  const store = await defaultStore(businessStore);
  // The last collection written: a first visit cut short is completed on the next one.
  if ((await store.count('matters')) > 0) return;
  const pair = (i) => ({
    officer: { id: `P-${i}`, name: ['李亮', '王强', '张伟'][i % 3], unit: '西港治安派出所' },
    assistant: { id: `A-${i}`, name: ['赵敏', '刘洋', '陈静'][i % 3], unit: '西港治安派出所' },
    assignedOn: '2025-03-01',
  });
  await store.bulkPut('firms', [
    { id: 'F-1', name: '秦皇岛某帆船体育文化公司', kind: 'firm', district: '海港区', ...pair(0) },
    { id: 'F-2', name: '港口物流园项目', kind: 'project', district: '海港区', ...pair(1) },
    { id: 'F-3', name: '山海关文旅开发公司', kind: 'firm', district: '山海关区', officer: null, assistant: null, assignedOn: null },
  ]);
  await store.put('visits', { id: 'V-1', firmId: 'F-1', date: '2025-03-10', by: 'P-0', kind: 'onSite', needs: '今年计划承办多少场赛事？需要哪些安保服务' });
  const matters = [
    { id: 'M-seal', name: '公章刻制备案', department: '治安', previousLimit: 7, limit: 4, online: true },
    { id: 'M-record', name: '无犯罪记录证明', department: '户政', previousLimit: 5, limit: 3, online: true },
    { id: 'M-event', name: '大型活动安全许可', department: '治安', previousLimit: 20, limit: 14 },
  ];
  await store.bulkPut('matters', matters);
  await store.put('windowCases', acceptWindowCase({ id: 'W-1', matter: matters[0], applicant: '汪洋', firmId: 'F-1', actor: { id: 'clerk-1', role: 'clerk' }, at: new Date().toISOString() }));
}

async function seedFair() {
  const store = await defaultStore(jobFairStore);
  if ((await store.count('openings')) > 0) return;
  const fairId = 'fair-2026-spring';
  await store.put('fairs', { id: fairId, title: '“春风行动”出监前专场招聘会', date: '2026-03-20', venue: '监狱教育中心' });
  await store.bulkPut('firms', [
    { id: 'firm-1', fairId, name: '湖北某人力资源服务公司' },
    { id: 'firm-2', fairId, name: '鄂州某机械制造公司' },
  ]);
  await store.bulkPut('openings', [
    { id: 'O-1', fairId, firmId: 'firm-2', title: '电焊工', kind: 'skilled', count: 20, pay: { min: 5000, max: 7000 }, conditions: { skills: ['电焊'], certificates: ['特种作业操作证'] } },
    { id: 'O-2', fairId, firmId: 'firm-2', title: '装配普工', kind: 'general', count: 60, pay: { min: 3800, max: 4800 } },
    { id: 'O-3', fairId, firmId: 'firm-1', title: '食堂帮厨', kind: 'logistics', count: 6, pay: { min: 3200, max: 3800 } },
  ]);
  await store.put('intentions', { id: 'I-1', fairId, name: '张建军', kinds: ['skilled', 'general'], expectedPay: 4500, skills: ['电焊'], certificates: ['特种作业操作证'], filledOn: '2026-03-20' });
}

// The quiz's results table hears each finished attempt through the shared store.
await seedThen(['business', 'fair'].map((id) => document.getElementById(id)), [seedBusiness, seedFair]);
