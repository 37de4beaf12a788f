import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { maskIdNumber, maskName, maskPhone, maskRecord, personal, personalKindOf } from '@bihuan/core';

describe('personal data', () => {
  test('masks phones, ID numbers and names as portals show them', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskName('陈明')).toBe('陈*');
    expect(maskName('欧阳碧云')).toBe('欧阳**');
    expect(maskName('Jane Smith')).toBe('J*** S****');
  });

  test('masks the fields a schema marks, at any depth, and leaves the rest', () => {
    const Party = z.object({ name: personal('name', z.string()), phone: personal('phone', z.string()).optional(), role: z.string() });
    const Case = z.object({ id: z.string(), parties: z.array(Party), applicant: Party });
    expect(personalKindOf(Party.shape.phone)).toBe('phone');
    const masked = maskRecord(Case, {
      id: 'D1',
      applicant: { name: '陈明', phone: '13812341234', role: 'applicant' },
      parties: [{ name: '王芳', role: 'respondent' }],
    });
    expect(masked).toEqual({
      id: 'D1',
      applicant: { name: '陈*', phone: '138****1234', role: 'applicant' },
      parties: [{ name: '王*', role: 'respondent' }],
    });
  });
});
