// Example data is valid by the domains' own rules, and comes from its own entry.
import { describe, expect, test } from 'vitest';
import * as examples from '@bihuan/core/examples';
import { DisputeSchema, disputeLoop } from '@bihuan/core/dispute';
import { KeyFirmSchema } from '@bihuan/core/business';
import { JobOpeningSchema } from '@bihuan/core/job-fair';
import { loadSnapshot } from '@bihuan/core/loop';
import * as root from '@bihuan/core';
import * as quizExamples from '@bihuan/core/quiz/examples';
import * as taskExamples from '@bihuan/core/task/examples';

describe('example data', () => {
  test('every example is in @bihuan/core/examples and never in the root entry (so never in bihuan.js or a widget\'s path)', () => {
    for (const name of ['exampleCatalog', 'exampleRoster', 'exampleTaskOrders', 'exampleNegativeList', 'exampleDutyList', 'exampleLawReport', 'exampleRectificationItems', 'exampleReceptionDay', 'exampleEventPermits', 'examplePermitsInProgress', 'exampleEmergencyUnits', 'exampleVolunteerLog', 'civilCodeQuiz']) {
      expect(typeof (examples as Record<string, unknown>)[name], name).toBe('function');
      expect(name in root, name).toBe(false);
    }
    expect(Object.keys(root).filter((name) => /^example[A-Z]|^civilCodeQuiz$|^CIVIL_CODE_QUIZ_ID$/.test(name))).toEqual([]);
  });

  test('each domain\'s examples are also an entry of their own, the same functions', () => {
    expect(quizExamples.civilCodeQuiz).toBe(examples.civilCodeQuiz);
    expect(Object.keys(quizExamples).sort()).toEqual(['CIVIL_CODE_QUIZ_ID', 'civilCodeQuiz']);
    expect(taskExamples.exampleTaskOrders).toBe(examples.exampleTaskOrders);
    expect(taskExamples.exampleCatalog).toBe(examples.exampleCatalog);
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
