import * as z from '../schema/zod.js';
import { KEY_SUBJECT_KINDS, type KeyFirm, KeyFirmSchema } from './schema.js';

// AN EXAMPLE, NOT REAL FIRMS: names and districts below are made up.
const NAMES = ['海港精密制造', '山海关文旅发展', '北戴河康养', '抚宁新材料', '昌黎葡萄酒业', '卢龙建材', '青龙矿业', '开发区电子'];
const DISTRICTS = ['海港区', '山海关区', '北戴河区', '抚宁区', '昌黎县', '卢龙县', '青龙县', '开发区'];

/**
 * `count` key firms and projects (重点企业、项目), not yet assigned a liaison officer and assistant
 * (一企一警一助理), validated by the domain's schema: for stories, the example portal and tests.
 */
export function exampleKeyFirms(count = 8): KeyFirm[] {
  return z.array(KeyFirmSchema).parse(
    Array.from({ length: count }, (_, i) => ({
      id: `firm-${i + 1}`,
      name: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${i + 1}` : ''}`,
      kind: KEY_SUBJECT_KINDS[i % 4 === 3 ? 1 : 0],
      district: DISTRICTS[i % DISTRICTS.length],
      officer: null,
      assistant: null,
      assignedOn: null,
    })),
  );
}
