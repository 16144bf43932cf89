import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloudApiClient, type OutboundMessage } from '../whatsapp';
import { startCloudApiStandIn, type CloudApiStandIn } from '../whatsapp/standIn';
import { WorkspaceTransport, type SenderInfo } from './transport';

const phoneNumberId = '106540352242922';
const accessToken = 'EAAGm0PX4ZCpsBAstandInSecretToken0123456789';
const cloud: SenderInfo = { transport: 'cloud', phoneNumberId, accessToken };
const hello: OutboundMessage = { messaging_product: 'whatsapp', to: '+16505551234', type: 'text', text: { body: 'Hello from Tandem' } };

let standIn: CloudApiStandIn;
let transport: WorkspaceTransport;

beforeAll(async () => {
  standIn = await startCloudApiStandIn({ tokens: { [phoneNumberId]: accessToken } });
  transport = new WorkspaceTransport(new CloudApiClient({ baseUrl: standIn.url }));
});
afterEach(() => standIn.reset());
afterAll(() => standIn.close());

/** The retry delay the transport suggests after `code` fails on each of the given attempts. */
async function delaysFor(code: number, attempts: number[]): Promise<Array<number | undefined>> {
  const delays: Array<number | undefined> = [];
  for (const attempt of attempts) {
    standIn.failNext(code);
    const outcome = await transport.send(hello, cloud, { attempt });
    delays.push(outcome.ok ? undefined : outcome.retryAfterMs);
  }
  return delays;
}

describe('WorkspaceTransport', () => {
  it('waits 4^n seconds for the pair rate limit (131056) as the attempts grow', async () => {
    expect(await delaysFor(131056, [0, 1, 2, 3])).toEqual([1_000, 4_000, 16_000, 64_000]);
  });

  it('backs off exponentially for other transient errors as the attempts grow', async () => {
    expect(await delaysFor(130429, [0, 1, 2, 3])).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(await delaysFor(131000, [0, 4, 9])).toEqual([1_000, 16_000, 300_000]);
  });

  it('treats a send without an attempt as the first one', async () => {
    standIn.failNext(131056);
    expect(await transport.send(hello, cloud)).toMatchObject({ ok: false, handling: 'retry', retryAfterMs: 1_000, perRecipient: true });
  });

  it('answers a sandbox send without calling the Cloud API', async () => {
    const outcome = await transport.send(hello, { transport: 'sandbox', phoneNumberId: null, accessToken: null }, { attempt: 3 });
    expect(outcome).toEqual({ ok: true, wamid: expect.stringMatching(/^wamid\.sandbox\./) });
    expect(standIn.received()).toEqual([]);
  });

  it('marks a message read through the Cloud API, and does nothing for a sandbox', async () => {
    expect(await transport.markRead('wamid.abc', cloud, { typing: false })).toEqual({ ok: true });
    expect(await transport.markRead('wamid.abc', { transport: 'sandbox', phoneNumberId: null, accessToken: null }, { typing: true })).toEqual({ ok: true });
    expect(standIn.received().map((r) => r.body)).toEqual([{ messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.abc' }]);
  });
});
