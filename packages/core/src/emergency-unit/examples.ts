import { formatDate, parseDate } from '../calendar/instant.js';
import { type EmergencyUnit, UNIT_KINDS, UNIT_STANDARD, type UnitResponse } from './schema.js';

const DISTRICTS = ['海港', '山海关', '北戴河', '抚宁', '昌黎', '卢龙', '青龙'];
const KIND_NAMES = { merchantGroup: '商户联防组', enterprise: '企业应急队', village: '村街应急队', community: '社区应急队' } as const;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';

/** Spreads `total` over `n` parts as evenly as integers allow; the parts add up to `total` exactly. */
const share = (total: number, n: number, j: number) => Math.floor((total * (j + 1)) / n) - Math.floor((total * j) / n);

export interface EmergencyUnitExample {
  readonly units: EmergencyUnit[];
  readonly responses: UnitResponse[];
}

/**
 * The source's figures as example data: 3,419 units with 14,076 members ("1.4万余名") under 14
 * police stations, one drill each, and 400 real incidents in which they helped detain 124
 * offenders, stopped 728 disputes early and helped 367 people. Pass smaller numbers for a sample
 * (the outcome totals are spread over the incidents and stay exact).
 */
export function exampleEmergencyUnits(
  unitCount = 3419,
  incidentCount = 400,
  totals: { detained: number; disputesStopped: number; helped: number } = { detained: 124, disputesStopped: 728, helped: 367 },
): EmergencyUnitExample {
  const founded = parseDate('2024-06-01');
  let person = 0;
  const units = Array.from({ length: unitCount }, (_, i): EmergencyUnit => {
    const kind = UNIT_KINDS[i % 4]!;
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const station = `${district}${i % 2 ? '城区' : '城郊'}派出所`;
    const size = i < 400 ? 5 : 4;
    const members = Array.from({ length: size }, (_, k) => {
      person++;
      return { id: `${i + 1}-${k + 1}`, name: `${SURNAMES[person % SURNAMES.length]}${GIVEN[(person * 7) % GIVEN.length]}` };
    });
    return {
      id: `U${String(i + 1).padStart(4, '0')}`,
      name: `${district}${KIND_NAMES[kind]}${Math.floor(i / DISTRICTS.length) + 1}号`,
      kind,
      station,
      establishedOn: formatDate(founded + (i % 200)),
      members,
      meets: i % 23 === 5 ? UNIT_STANDARD.filter((s) => s !== 'equipment') : [...UNIT_STANDARD],
    };
  });
  const at = (day: number, k: number) => `${formatDate(founded + 210 + (day % 150))}T${String(8 + (k % 12)).padStart(2, '0')}:30:00+08:00`;
  const drills = units.map((u, i): UnitResponse => ({
    id: `R-D${i + 1}`,
    unitId: u.id,
    kind: 'drill',
    at: at(i, i),
    times: { selfRescue: 25 + ((i * 37) % 40), mutualAid: 100 + ((i * 53) % 90), reinforcement: 200 + ((i * 71) % 110) },
    outcome: { detained: 0, disputesStopped: 0, helped: 0 },
  }));
  const incidents = Array.from({ length: incidentCount }, (_, j): UnitResponse => ({
    id: `R-I${j + 1}`,
    unitId: units[(j * 131) % unitCount]!.id,
    kind: 'incident',
    at: at(j * 3, j),
    times: { selfRescue: 20 + ((j * 29) % 45), mutualAid: j % 3 === 0 ? null : 90 + ((j * 41) % 100), reinforcement: j % 2 === 0 ? null : 180 + ((j * 61) % 130) },
    outcome: { detained: share(totals.detained, incidentCount, j), disputesStopped: share(totals.disputesStopped, incidentCount, j), helped: share(totals.helped, incidentCount, j) },
  }));
  return { units, responses: [...drills, ...incidents] };
}
