import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderConfirmationFlow as flow } from '../support/apiFlows';
import { startEngineHarness, waitFor, type EngineHarness } from '../support/engineHarness';

const CONTACTS = 150;

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness({ concurrency: 8, workspace: { coexistence: true, settings: { pairGapMs: 0 } } });
  await h.publish(flow);
});
afterAll(async () => h?.close());

/** The most requests that arrived within any one-second window. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= 1_000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('throughput governor of a coexistence number (20 messages per second)', () => {
  it('never lets more than 20 sends reach WhatsApp in any second, and retries 130429 to success', async () => {
    h.standIn.failNext(130429, { times: 6 });
    await h.q(
      `SELECT graphile_worker.add_job('business-event', json_build_object('workspaceId', $1::text, 'contact', json_build_object('waId', (4420700000000 + n)::text), 'name', 'order.placed', 'payload', '{}'::json))
       FROM generate_series(1, $2) n`,
      [h.workspaceId, CONTACTS],
    );
    await waitFor(
      async () => {
        const [r] = await h.q<{ n: number }>(`SELECT count(*)::int AS n FROM runs WHERE status = 'completed'`);
        return r!.n === CONTACTS;
      },
      60_000,
      'every confirmation to be sent',
    );

    const requests = h.standIn.received().filter((r) => r.path.endsWith('/messages'));
    const rejected = requests.filter((r) => r.response.status !== 200);
    expect(rejected.map((r) => (r.response.body as { error: { code: number } }).error.code)).toEqual([130429, 130429, 130429, 130429, 130429, 130429]);
    expect(requests.length).toBe(CONTACTS + 6);
    expect(new Set(h.sent().map((s) => s.to)).size).toBe(CONTACTS);
    const peak = busiestSecond(requests.map((r) => r.receivedAt));
    const seconds = (Math.max(...requests.map((r) => r.receivedAt)) - Math.min(...requests.map((r) => r.receivedAt))) / 1000;
    console.log(`rate limit test: ${requests.length} requests in ${seconds.toFixed(1)} s, busiest second ${peak}`);
    expect(peak).toBeLessThanOrEqual(20);
    const outcomes = await h.q<{ status: string; n: number }>(`SELECT status, count(*)::int AS n FROM messages WHERE direction = 'out' GROUP BY status`);
    expect(outcomes).toEqual([{ status: 'sent', n: CONTACTS }]);
  });
});
