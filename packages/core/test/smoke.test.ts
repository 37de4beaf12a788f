import { expect, test } from 'vitest';
import { formatRate } from '@bihuan/core';
test('smoke', () => expect(formatRate(406, 425)).toBe('95.53%'));
