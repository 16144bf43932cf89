import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nameCaptureFlow, orderConfirmationFlow as flow } from '../support/apiFlows';
import { startEngineHarness, waitFor, type EngineHarness } from '../support/engineHarness';

const CONTACTS = 150;

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness({ concurrency: 8, workspace: { coexistence: true, settings: { pairGapMs: 0 } } });
  await h.publish(flow);
  await h.publish(nameCaptureFlow);
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

  it('queues a backlog behind the limit once, at most 20 turns a second, and answers a contact who writes meanwhile first', async () => {
    const backlog = 120;
    const first = 4420800000000;
    const sentBefore = h.sent().length;
    await h.q(
      `SELECT graphile_worker.add_job('business-event', json_build_object('workspaceId', $1::text, 'contact', json_build_object('waId', ($3::bigint + n)::text), 'name', 'order.placed', 'payload', '{}'::json))
       FROM generate_series(1, $2) n`,
      [h.workspaceId, backlog, first],
    );
    // The number sends 20 a second: the rest of the backlog is given turns on its send clock (a
    // message whose turn came a little early waits for the next free slot, ms away: not counted).
    const turns = async () =>
      (
        await h.q<{ at: number }>(
          `SELECT extract(epoch FROM send_after) * 1000 AS at FROM messages WHERE direction = 'out' AND status = 'held' AND error ->> 'held' = 'throughput'
           AND send_after > now() + interval '200 milliseconds' ORDER BY send_after`,
        )
      ).map((r) => Number(r.at));
    let waiting: number[] = [];
    await waitFor(
      async () => {
        waiting = await turns();
        return waiting.length >= backlog - 40;
      },
      30_000,
      'the backlog to wait in line',
    );
    // Turns are given at the number's rate (in quarter seconds): never more than 20 in a second, so
    // the line is written once and drains in order rather than claimed again and again.
    const busiestTurns = busiestSecond(waiting);
    const spanS = (waiting[waiting.length - 1]! - waiting[0]!) / 1000;
    expect(busiestTurns).toBeLessThanOrEqual(20);
    expect(spanS).toBeGreaterThanOrEqual((waiting.length - 20) / 20);

    // A contact writes while the backlog drains: the bot's question goes out before the backlog is through.
    await h.inbound('16505550142', 'hi');
    await waitFor(async () => h.sent().some((s) => s.to === '+16505550142'), 30_000, 'the question to the contact who wrote');
    const backlogSent = h
      .sent()
      .slice(sentBefore)
      .filter((s) => s.to !== '+16505550142').length;
    console.log(
      `rate limit test: ${waiting.length} of ${backlog} in line, at most ${busiestTurns} turns a second over ${spanS.toFixed(1)} s; the question went out after ${backlogSent} of the backlog`,
    );
    expect(backlogSent).toBeLessThanOrEqual(backlog - 20);

    await waitFor(
      async () => {
        const [r] = await h.q<{ n: number }>(
          `SELECT count(*)::int AS n FROM runs WHERE status = 'completed' AND flow_id = (SELECT id FROM flows WHERE name = 'Order confirmation')`,
        );
        return r!.n === CONTACTS + backlog;
      },
      60_000,
      'the backlog to be sent',
    );
    const peak = busiestSecond(
      h.standIn
        .received()
        .filter((r) => r.path.endsWith('/messages'))
        .map((r) => r.receivedAt),
    );
    expect(peak).toBeLessThanOrEqual(20);
  });
});
