import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { businessStore, createMemoryStore, type EmploymentIntentionInput, type JobFairFirm, jobFairStore, type JobOpeningInput, type Store } from '@bihuan/core';
import '@bihuan/widgets/job-fair';

interface Args {
  seed: 'none' | 'typical' | 'large' | 'wrongStore';
  lang?: string;
}

const FAIR = { id: 'fair-2026-spring', title: '鄂东监狱“春风行动”出监前专场招聘会', date: '2026-03-20', venue: '监狱教育中心' };
const KINDS = ['general', 'skilled', 'logistics'] as const;

function seeded(firms: JobFairFirm[], openings: JobOpeningInput[], intentions: EmploymentIntentionInput[]): Store {
  const store = createMemoryStore(jobFairStore);
  void Promise.all([store.put('fairs', FAIR), store.bulkPut('firms', firms), store.bulkPut('openings', openings), store.bulkPut('intentions', intentions)]);
  return store as unknown as Store;
}

function typical(): Store {
  const firms: JobFairFirm[] = [
    { id: 'firm-1', fairId: FAIR.id, name: '湖北某人力资源服务公司', industry: '人力资源' },
    { id: 'firm-2', fairId: FAIR.id, name: '鄂州某机械制造公司', industry: '制造' },
    { id: 'firm-3', fairId: FAIR.id, name: '黄石某物业服务公司', industry: '物业' },
  ];
  const openings: JobOpeningInput[] = [
    { id: 'O-1', fairId: FAIR.id, firmId: 'firm-2', title: '电焊工', kind: 'skilled', count: 20, pay: { min: 5000, max: 7000 }, conditions: { skills: ['电焊'], certificates: ['特种作业操作证'] }, location: '鄂州' },
    { id: 'O-2', fairId: FAIR.id, firmId: 'firm-2', title: '装配普工', kind: 'general', count: 60, pay: { min: 3800, max: 4800 }, location: '鄂州' },
    { id: 'O-3', fairId: FAIR.id, firmId: 'firm-1', title: '仓储分拣员', kind: 'general', count: 40, pay: { min: 3600, max: 4500 }, location: '武汉' },
    { id: 'O-4', fairId: FAIR.id, firmId: 'firm-3', title: '食堂帮厨', kind: 'logistics', count: 6, pay: { min: 3200, max: 3800 }, conditions: { skills: ['烹饪'] }, location: '黄石' },
  ];
  const intentions: EmploymentIntentionInput[] = [
    { id: 'I-1', fairId: FAIR.id, name: '张建军', kinds: ['skilled', 'general'], expectedPay: 4500, skills: ['电焊'], certificates: ['特种作业操作证'], preferredLocation: '鄂州', filledOn: '2026-03-20' },
    { id: 'I-2', fairId: FAIR.id, name: '李明', kinds: ['logistics'], expectedPay: 4000, skills: ['烹饪'], filledOn: '2026-03-20' },
  ];
  return seeded(firms, openings, intentions);
}

function large(): Store {
  const firms: JobFairFirm[] = Array.from({ length: 19 }, (_, i) => ({ id: `firm-${i}`, fairId: FAIR.id, name: `爱心企业${i + 1}` }));
  const openings: JobOpeningInput[] = firms.flatMap((f, i) =>
    [0, 1, 2].map((j) => ({ id: `${f.id}-${j}`, fairId: FAIR.id, firmId: f.id, title: `岗位${i + 1}-${j + 1}`, kind: KINDS[j]!, count: j === 0 ? 20 : j === 1 ? 15 : 8, pay: { min: 3000 + j * 500, max: 4500 + j * 800 } })),
  );
  const intentions: EmploymentIntentionInput[] = Array.from({ length: 120 }, (_, i) => ({ id: `I-${i}`, fairId: FAIR.id, name: `学员${i + 1}`, kinds: [KINDS[i % 3]!], expectedPay: 3500 + (i % 6) * 400, filledOn: '2026-03-20' }));
  return seeded(firms, openings, intentions);
}

const stores = { none: () => createMemoryStore(jobFairStore), typical, large, wrongStore: () => createMemoryStore(businessStore) } as const;

const meta: Meta<Args> = {
  title: 'Widgets/Job fair 出监前专场招聘会',
  component: 'bh-job-fair',
  render: (a) => html`<bh-job-fair lang=${a.lang ?? nothing} now="2026-03-20T09:00:00+08:00" .store=${stores[a.seed]() as never}></bh-job-fair>`,
};
export default meta;
type Story = StoryObj<Args>;

/** No firms, openings or forms yet. */
export const Empty: Story = { args: { seed: 'none' } };
/** Three firms, four openings, two intention forms matched with reasons. */
export const Typical: Story = { args: { seed: 'typical' } };
/** The source's fair: 19 firms, 817 jobs, and 120 intention forms. */
export const Large: Story = { args: { seed: 'large' } };
/** A store without the fair's collections is refused in place. */
export const Invalid: Story = { args: { seed: 'wrongStore' } };
/** English, picked by the nearest `lang`. */
export const English: Story = { args: { seed: 'typical', lang: 'en' } };
