import * as z from '../schema/zod.js';
import { JOB_KINDS, type JobFair, type JobFairFirm, JobFairFirmSchema, JobFairSchema, type JobOpening, JobOpeningSchema } from './schema.js';

// AN EXAMPLE, NOT A REAL FAIR: firms, openings and pay below are made up.
const FIRMS = ['滨海物流', '临港机械', '绿源食品', '安居物业', '新城建工', '顺达汽修'];
const TITLES: Readonly<Record<(typeof JOB_KINDS)[number], string>> = { general: '普工', skilled: '焊工', logistics: '仓储管理员', service: '保洁员', other: '学徒' };

export interface JobFairExample {
  readonly fair: JobFair;
  readonly firms: JobFairFirm[];
  readonly openings: JobOpening[];
}

/**
 * A job fair before release (出监前招聘会) with `firmCount` firms and two openings each, validated by
 * the domain's schemas: for stories, the example portal and tests.
 */
export function exampleJobFair(firmCount = 6, date = '2025-11-20'): JobFairExample {
  const fair = JobFairSchema.parse({ id: 'fair-example', title: '出监前专场招聘会（示例）', date, venue: '监狱教育中心' });
  const firms = z.array(JobFairFirmSchema).parse(
    Array.from({ length: firmCount }, (_, i) => ({ id: `firm-${i + 1}`, fairId: fair.id, name: `${FIRMS[i % FIRMS.length]}${i >= FIRMS.length ? ` ${i + 1}` : ''}有限公司` })),
  );
  const openings = z.array(JobOpeningSchema).parse(
    firms.flatMap((firm, i) =>
      [0, 1].map((k) => {
        const kind = JOB_KINDS[(i * 2 + k) % JOB_KINDS.length]!;
        const min = 3000 + ((i * 2 + k) % 5) * 500;
        return { id: `${firm.id}-job-${k + 1}`, fairId: fair.id, firmId: firm.id, title: TITLES[kind], kind, count: 2 + ((i + k) % 6), pay: { min, max: min + 1500 } };
      }),
    ),
  );
  return { fair, firms, openings };
}
