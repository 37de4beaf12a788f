import { formatDate, parseDate } from '../calendar/instant.js';
import { ASSIST_KINDS, type Assist, type Volunteer } from './schema.js';

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
const GIVEN = '建国志强海涛丽娟国庆秀兰永红春梅晓东文静';

export interface VolunteerLogExample {
  readonly roster: Volunteer[];
  readonly assists: Assist[];
}

/**
 * The source's association as example data: 636 members ("630余名", founded March 2024) and 4,158
 * assists ("4150余次") of every kind. Smaller numbers give a sample.
 */
export function exampleVolunteerLog(members = 636, assistCount = 4158): VolunteerLogExample {
  const founded = parseDate('2024-03-15');
  const roster = Array.from({ length: members }, (_, i): Volunteer => ({
    id: `V${String(i + 1).padStart(4, '0')}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 3) % GIVEN.length]}${GIVEN[(i * 7 + 1) % GIVEN.length]}`,
    joinedOn: formatDate(founded + (i % 90)),
    leftOn: i % 97 === 96 ? formatDate(founded + 400) : null,
    skills: [],
  }));
  const assists = Array.from({ length: assistCount }, (_, j): Assist => {
    const v = roster[(j * 7) % members]!;
    const start = parseDate(v.joinedOn) + 1;
    const end = v.leftOn === null ? founded + 700 : parseDate(v.leftOn);
    return {
      id: `A${String(j + 1).padStart(5, '0')}`,
      volunteerId: v.id,
      kind: ASSIST_KINDS[(j * 3 + (j >> 4)) % 4]!,
      date: formatDate(start + ((j * 13) % (end - start))),
      minutes: 60 + ((j * 5) % 15) * 30,
    };
  });
  return { roster, assists };
}
