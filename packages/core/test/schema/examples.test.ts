// Example data is valid by the domains' own rules, and comes from its own entry.
import { describe, expect, test } from 'vitest';
import * as examples from '@bihuan/core/examples';
import { DisputeSchema, disputeLoop } from '@bihuan/core/dispute';
import { KeyFirmSchema } from '@bihuan/core/business';
import { JobOpeningSchema } from '@bihuan/core/job-fair';
import { loadSnapshot } from '@bihuan/core/loop';
import * as root from '@bihuan/core';

describe('example data', () => {
  test('every example the root entry had is in @bihuan/core/examples, and the root still offers it', () => {
    for (const name of ['exampleCatalog', 'exampleRoster', 'exampleTaskOrders', 'exampleNegativeList', 'exampleDutyList', 'exampleLawReport', 'exampleRectificationItems', 'exampleReceptionDay', 'exampleEventPermits', 'examplePermitsInProgress', 'exampleEmergencyUnits', 'exampleVolunteerLog', 'civilCodeQuiz']) {
      expect(typeof (examples as Record<string, unknown>)[name], name).toBe('function');
      expect((root as Record<string, unknown>)[name], name).toBe((examples as Record<string, unknown>)[name]);
    }
  });

  test('example disputes are accepted disputes that load as snapshots, with distinct ids', () => {
    const items = examples.exampleDisputes(30);
    expect(items).toHaveLength(30);
    expect(new Set(items.map((d) => d.id)).size).toBe(30);
    for (const item of items) {
      expect(item.state).toBe('received');
      expect(DisputeSchema.safeParse(item.data).success).toBe(true);
      expect(loadSnapshot(disputeLoop, JSON.parse(JSON.stringify(item)))).toEqual(item);
    }
  });

  test('example key firms and job-fair openings pass their schemas', () => {
    const firms = examples.exampleKeyFirms(10);
    expect(firms.map((f) => KeyFirmSchema.safeParse(f).success)).toEqual(Array(10).fill(true));
    const fair = examples.exampleJobFair(7);
    expect(fair.firms).toHaveLength(7);
    expect(fair.openings).toHaveLength(14);
    expect(fair.openings.every((o) => JobOpeningSchema.safeParse(o).success && o.fairId === fair.fair.id)).toBe(true);
  });
});
