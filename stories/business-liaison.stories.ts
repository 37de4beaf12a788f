import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { acceptWindowCase, businessStore, createMemoryStore, type KeyFirm, type OneWindowMatterInput, quizStore, type Store, type Visit } from '@bihuan/core';
import '@bihuan/widgets/business-liaison';

interface Args {
  seed: 'none' | 'typical' | 'large' | 'wrongStore';
  lang?: string;
}

const SURNAMES = '王李张刘陈杨赵黄周吴';
const person = (prefix: string, i: number) => ({ id: `${prefix}-${i}`, name: `${SURNAMES[i % 10]}${prefix === 'P' ? '警官' : '助理'}${i}`, unit: `第${(i % 9) + 1}派出所` });

function seeded(firms: KeyFirm[], visits: Visit[], matters: OneWindowMatterInput[]): Store {
  const store = createMemoryStore(businessStore);
  const clerk = { id: 'clerk-1', role: 'clerk' } as const;
  const cases = matters.slice(0, 3).map((m, i) => acceptWindowCase({ id: `W-${i}`, matter: m, applicant: '汪洋', actor: clerk, at: '2025-03-10T09:00:00+08:00' }));
  void Promise.all([store.bulkPut('firms', firms), store.bulkPut('visits', visits), store.bulkPut('matters', matters), store.bulkPut('windowCases', cases)]);
  return store as unknown as Store;
}

function typical(): Store {
  const names = ['秦皇岛某帆船体育文化公司', '港口物流园项目', '山海关文旅开发公司', '北戴河康养度假区项目', '昌黎葡萄酒酿造公司'];
  const firms: KeyFirm[] = names.map((name, i) => ({
    id: `F-${i}`,
    name,
    kind: name.endsWith('项目') ? 'project' : 'firm',
    district: ['海港区', '山海关区', '北戴河区', '昌黎县'][i % 4],
    officer: i < 4 ? person('P', i) : null,
    assistant: i < 4 ? person('A', i) : null,
    assignedOn: i < 4 ? '2025-03-01' : null,
  }));
  const visits: Visit[] = [
    { id: 'V-1', firmId: 'F-0', date: '2025-03-10', by: 'P-0', kind: 'onSite', needs: '今年计划承办帆船赛事，需要安保指导' },
    { id: 'V-2', firmId: 'F-1', date: '2025-03-12', by: 'A-1', kind: 'phone' },
  ];
  const matters: OneWindowMatterInput[] = [
    { id: 'M-seal', name: '公章刻制备案', department: '治安', previousLimit: 7, limit: 4, online: true },
    { id: 'M-record', name: '无犯罪记录证明', department: '户政', previousLimit: 5, limit: 3, online: true },
    { id: 'M-event', name: '大型活动安全许可', department: '治安', previousLimit: 20, limit: 14 },
  ];
  return seeded(firms, visits, matters);
}

function large(): Store {
  const firms: KeyFirm[] = Array.from({ length: 361 }, (_, i) => ({
    id: `F-${String(i).padStart(3, '0')}`,
    name: `重点${i % 5 === 0 ? '项目' : '企业'}${i + 1}`,
    kind: i % 5 === 0 ? 'project' : 'firm',
    officer: person('P', i % 120),
    assistant: person('A', i % 150),
    assignedOn: '2025-03-01',
  }));
  const matters: OneWindowMatterInput[] = Array.from({ length: 104 }, (_, i) => ({ id: `M-${i}`, name: `一窗通办事项${i + 1}`, previousLimit: 10, limit: 7 }));
  return seeded(firms, [], matters);
}

const stores = { none: () => createMemoryStore(businessStore), typical, large, wrongStore: () => createMemoryStore(quizStore) } as const;

const meta: Meta<Args> = {
  title: 'Widgets/Business liaison 一企一警一助理',
  component: 'bh-business-liaison',
  render: (a) => html`<bh-business-liaison lang=${a.lang ?? nothing} now="2025-03-20T09:00:00+08:00" .store=${stores[a.seed]() as never}></bh-business-liaison>`,
};
export default meta;
type Story = StoryObj<Args>;

/** No firms and no matters yet: the figures show "—", never 0% or NaN%. */
export const Empty: Story = { args: { seed: 'none' } };
/** Five key firms and projects (four with their pair), two visits, three one-window matters with limits cut by 30% in whole working days (rounded down). */
export const Typical: Story = { args: { seed: 'typical' } };
/** The source's figures: 361 key firms and projects, all covered; 104 matters, limits −30%. */
export const Large: Story = { args: { seed: 'large' } };
/** A store without the register's collections is refused in place. */
export const Invalid: Story = { args: { seed: 'wrongStore' } };
/** English, picked by the nearest `lang`. */
export const English: Story = { args: { seed: 'typical', lang: 'en' } };
