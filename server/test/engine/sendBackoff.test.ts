import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderConfirmationFlow as flow } from '../support/apiFlows';
import { startEngineHarness, waitFor, type EngineHarness } from '../support/engineHarness';

let h: EngineHarness;
beforeAll(async () => {
  h = await startEngineHarness({ workspace: { settings: { pairGapMs: 0 } } });
  await h.publish(flow);
});
afterAll(async () => h?.close());

type Row = { id: number; status: string; attempts: number; delay_ms: number | null };

/** The outbound message and how far after its last failure it is due again in the outbox (both in database time). */
async function message(): Promise<Row | undefined> {
  const [row] = await h.q<Row>(
    `SELECT m.id, m.status, m.attempts,
            (extract(epoch FROM m.send_after - m.updated_at) * 1000)::int AS delay_ms
     FROM messages m
     WHERE m.direction = 'out' ORDER BY m.id DESC LIMIT 1`,
  );
  return row;
}

describe('retrying a send', () => {
  it('waits 4^n seconds between retries of the pair rate limit (131056), counting the message’s attempts', async () => {
    h.standIn.failNext(131056, { times: 3 });
    await h.event('447700900555', 'order.placed', {});
    const delays: Array<number | null> = [];
    for (const attempts of [1, 2, 3]) {
      await waitFor(async () => (await message())?.attempts === attempts, 20_000, `failed attempt ${attempts}`);
      const row = (await message())!;
      delays.push(row.delay_ms);
      // Make the retry due now instead of waiting for it, and wake the senders.
      await h.q(`WITH m AS (UPDATE messages SET send_after = now() WHERE id = $1 RETURNING id) SELECT pg_notify('tandem_outbox', '') FROM m`, [row.id]);
    }
    await waitFor(async () => (await message())?.status === 'sent', 20_000, 'the send to succeed');
    expect(delays).toEqual([1_000, 4_000, 16_000]);
    const codes = h.standIn.received().map((r) => (r.response.body as { error?: { code: number } }).error?.code ?? null);
    expect(codes).toEqual([131056, 131056, 131056, null]);
  });
});
