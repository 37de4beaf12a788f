import { formatDate, parseDate } from '../calendar/instant.js';
import { DISPUTE_CATEGORIES } from './routing.js';
import { acceptDispute } from './intake.js';
import type { DisputeItem } from './definition.js';

// AN EXAMPLE, NOT REAL PEOPLE: names, phones and places below are made up.
const TOWNS = [
  ['站前街道', '锦绣社区'],
  ['临江街道', '江城社区'],
  ['帽儿山街道', '花园社区'],
  ['六道口街道', '新华社区'],
] as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = ['建国', '秀英', '志强', '丽华', '海涛', '春梅', '国庆', '晓东'];
const clerk = { id: 'clerk-example', role: 'intakeClerk' } as const;

/**
 * `count` accepted disputes (受理) spread over the days from `firstDay` (YYYY-MM-DD), each with an
 * applicant and a respondent, accepted through `acceptDispute` so that every one is valid: for
 * stories, the example portal and tests.
 */
export function exampleDisputes(count = 24, firstDay = '2025-09-01'): DisputeItem[] {
  const start = parseDate(firstDay);
  return Array.from({ length: count }, (_, i) => {
    const [town, community] = TOWNS[i % TOWNS.length]!;
    const name = (k: number) => `${SURNAMES[(i * 7 + k * 3) % SURNAMES.length]}${GIVEN[(i + k) % GIVEN.length]}`;
    const category = DISPUTE_CATEGORIES[i % DISPUTE_CATEGORIES.length]!;
    const day = formatDate(start + Math.floor(i / 3));
    return acceptDispute({
      id: `D-EX-${String(i + 1).padStart(4, '0')}`,
      intake: {
        title: `${community}纠纷（示例 ${i + 1}）`,
        category,
        description: '示例：双方就此事多次协商未果，申请调解。',
        channel: 'walkIn',
        town,
        community,
        parties: [
          { id: 'p1', side: 'applicant', name: name(0), phone: `138${String(10_000_000 + i * 7919).slice(-8)}` },
          { id: 'p2', side: 'respondent', name: name(1) },
        ],
        reportedBy: null,
      },
      actor: clerk,
      at: `${day}T${String(9 + (i % 8)).padStart(2, '0')}:00:00+08:00`,
    });
  });
}
