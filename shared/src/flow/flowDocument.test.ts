import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from './flowDocument';
import { durationSchema, durationToMs, formatDuration } from './duration';
import { flowDocumentJsonSchema } from './jsonSchema';

const minimal = {
  schemaVersion: 1,
  name: 'Welcome',
  nodes: [{ id: 'start', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'any' } }],
  edges: [],
};

describe('flow document', () => {
  it('fills in the settings a new flow starts with', () => {
    const doc = flowDocumentSchema.parse(minimal);
    expect(doc.settings).toEqual({
      reentry: 'after_completion',
      timezone: 'UTC',
      quietHours: null,
      humanReply: { mode: 'pause_for', pauseMinutes: 30, resumeKeyword: '#bot', collisionGuardSeconds: 60 },
      attributes: [],
      entry: { skipIfAppConversationWithinHours: null },
      goals: [],
      exits: [],
      readReceipts: 'workspace',
    });
    expect(doc.nodes[0]).toMatchObject({ version: 1 });
    expect(doc.notes).toEqual([]);
  });

  it('keeps React Flow node and edge fields so the editor can load it as is', () => {
    const doc = flowDocumentSchema.parse({
      ...minimal,
      edges: [{ id: 'e1', source: 'start', sourceHandle: 'next', target: 'start' }],
    });
    expect(doc.edges[0]).toEqual({ id: 'e1', source: 'start', sourceHandle: 'next', target: 'start' });
    expect(doc.nodes[0]).toMatchObject({ id: 'start', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'any' } });
  });

  it('rejects ids that cannot name a state or a port', () => {
    const bad = flowDocumentSchema.safeParse({ ...minimal, nodes: [{ ...minimal.nodes[0], id: 'a.b' }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ['nodes', 0, 'id'], message: 'Use 1–64 letters, digits, "-" or "_"' });
  });

  it('rejects an unknown time zone and an impossible quiet-hours time', () => {
    const bad = flowDocumentSchema.safeParse({ ...minimal, settings: { timezone: 'Mars/Olympus', quietHours: { start: '25:00', end: '08:00' } } });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['settings.timezone', 'settings.quietHours.start']);
  });

  it('exports a JSON Schema of the envelope', () => {
    const schema = flowDocumentJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'name', 'nodes', 'edges']));
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['settings', 'notes']));
  });
});

describe('durations', () => {
  it('converts and prints durations', () => {
    expect(durationToMs({ amount: 1.5, unit: 'hours' })).toBe(5_400_000);
    expect(formatDuration({ amount: 1, unit: 'days' })).toBe('1 day');
    expect(formatDuration({ amount: 30, unit: 'minutes' })).toBe('30 minutes');
  });

  it('refuses zero, negative and over-a-year durations', () => {
    expect(durationSchema.safeParse({ amount: 0, unit: 'hours' }).success).toBe(false);
    expect(durationSchema.safeParse({ amount: 366, unit: 'days' }).error?.issues[0]?.message).toBe('Must be at most 365 days');
  });
});
