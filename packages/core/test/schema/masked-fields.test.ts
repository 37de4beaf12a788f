// A masked copy of a record (what a server sends to a role that may not see personal data) is a
// valid record: its phone and ID number in masked form pass the kernel's fields; other text does not.
import { expect, test } from 'vitest';
import fc from 'fast-check';
import { maskIdNumber, maskPhone } from '../../src/privacy/privacy.js';
import { idNumber, phone } from '../../src/schema/fields.js';

test('every masked phone and ID number is a valid field value', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^\+?[\d]{5,20}$/), fc.stringMatching(/^\d{17}[\dX]$/), (p, id) => {
      expect(phone.safeParse(p).success).toBe(true);
      expect(phone.safeParse(maskPhone(p)).success).toBe(true);
      expect(idNumber.safeParse(id).success).toBe(true);
      expect(idNumber.safeParse(maskIdNumber(id)).success).toBe(true);
    }),
  );
});

test('stars anywhere else are not a phone or an ID number', () => {
  for (const bad of ['*', '13*8****5678', '138****5678*', 'abc****1234', '138 ****5678']) expect(phone.safeParse(bad).success, bad).toBe(false);
  for (const bad of ['210603*******1234', '21060319800101****', '**************123X']) expect(idNumber.safeParse(bad).success, bad).toBe(false);
});
