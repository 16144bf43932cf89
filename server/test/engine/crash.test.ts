import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineHarness, waitFor, type EngineHarness } from '../support/engineHarness';
import { exited, spawnWorker } from '../support/workerProcess';
import { LOOPS, OUTBOX_BATCH } from '../../src/worker/startWorker';

const CONTACTS = 1_000;
const HOUR = 3_600_000;
const flow = {
  schemaVersion: 1,
  name: 'Two-step journey',
  settings: { reentry: 'always' },
  nodes: [
    { id: 'go', type: 'trigger-event', position: { x: 0, y: 0 }, data: { event: 'crash.test' } },
    { id: 'first', type: 'send-template', position: { x: 0, y: 0 }, data: { template: { name: 'step_one', language: 'en', category: 'UTILITY' } } },
    { id: 'pause', type: 'wait', position: { x: 0, y: 0 }, data: { mode: 'duration', duration: { amount: 1, unit: 'hours' } } },
    { id: 'second', type: 'send-template', position: { x: 0, y: 0 }, data: { template: { name: 'step_two', language: 'en', category: 'UTILITY' } } },
    { id: 'done', type: 'end', position: { x: 0, y: 0 }, data: { outcome: 'done' } },
  ],
  edges: [
    { id: 'e1', source: 'go', sourceHandle: 'next', target: 'first' },
    { id: 'e2', source: 'first', sourceHandle: 'next', target: 'pause' },
    { id: 'e3', source: 'pause', sourceHandle: 'next', target: 'second' },
    { id: 'e4', source: 'second', sourceHandle: 'next', target: 'done' },
  ],
};

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness({ inProcessWorker: false, workspace: { coexistence: false, throughputMps: 1_000, settings: { pairGapMs: 0 } } });
  await h.publish(flow);
});
afterAll(async () => h?.close());

describe('a worker killed in the middle of a 1,000-contact journey', () => {
  it('loses no step: after a restart every contact finishes, in order, and duplicates are counted', { timeout: 240_000 }, async () => {
    const env = {
      DATABASE_URL: h.db.url,
      WHATSAPP_API_BASE_URL: h.standIn.url,
      TANDEM_SECRET_KEY: h.secretKey,
      TANDEM_WORKER_CONCURRENCY: '8',
      TANDEM_WORKER_HEARTBEAT_MS: '200',
      TANDEM_WORKER_DEAD_AFTER_MS: '1500',
    };
    h.standIn.setLatency(5);
    await h.q(
      `SELECT graphile_worker.add_job('business-event', json_build_object('workspaceId', $1::text, 'contact', json_build_object('waId', (4915100000000 + n)::text), 'name', 'crash.test', 'payload', '{}'::json))
       FROM generate_series(1, $2) n`,
      [h.workspaceId, CONTACTS],
    );
    const first = spawnWorker(env);
    await waitFor(() => h.sent().length >= 300, 60_000, '300 sends before the crash');
    first.kill('SIGKILL');
    await exited(first);
    const sentAtCrash = h.sent().length;

    const second = spawnWorker(env);
    try {
      await waitFor(
        async () => {
          const [r] = await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE current_node = 'pause' AND status = 'active'`);
          return r!.n === CONTACTS;
        },
        90_000,
        'every contact to reach the wait',
      );
      await h.advance(HOUR);
      await waitFor(
        async () => {
          const [r] = await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE status = 'completed'`);
          return r!.n === CONTACTS;
        },
        90_000,
        'every run to complete',
      );
    } finally {
      second.kill('SIGTERM');
      await exited(second);
    }

    const runs = await h.q<{ outcome: string; path: string }>(
      `SELECT r.outcome, string_agg(s.node_id, '>' ORDER BY s.id) AS path FROM runs r JOIN run_steps s ON s.run_id = r.id AND s.kind = 'enter' GROUP BY r.id, r.outcome`,
    );
    expect(runs).toHaveLength(CONTACTS);
    expect(new Set(runs.map((r) => `${r.outcome} ${r.path}`))).toEqual(new Set(['done go>first>pause>second>done']));

    const perContact = new Map<string, string[]>();
    for (const s of h.sent()) perContact.set(s.to, [...(perContact.get(s.to) ?? []), s.template!]);
    expect(perContact.size).toBe(CONTACTS);
    for (const templates of perContact.values()) {
      expect(templates.filter((t) => t === 'step_one').length).toBeGreaterThanOrEqual(1);
      expect(templates.filter((t) => t === 'step_two').length).toBeGreaterThanOrEqual(1);
      expect(templates.lastIndexOf('step_one')).toBeLessThan(templates.indexOf('step_two'));
    }
    const duplicates = h.sent().length - 2 * CONTACTS;
    const stored = await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE direction = 'out' AND status = 'sent'`);
    expect(stored[0]!.n).toBe(2 * CONTACTS);
    console.log(`crash test: killed after ${sentAtCrash} sends; ${duplicates} duplicate send(s) reached the Cloud API out of ${2 * CONTACTS}`);
    // At least once: only what the killed worker had sent and not yet recorded goes again, at most its sender batches in flight.
    expect(duplicates).toBeLessThanOrEqual(OUTBOX_BATCH * LOOPS);
  });
});
