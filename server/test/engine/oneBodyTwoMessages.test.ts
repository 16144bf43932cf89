import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inboundAt, inboundBody, startFullHarness, type FullHarness } from '../support/fullHarness';
import { edge, nameCaptureFlow, node } from '../support/apiFlows';

const CUSTOMER = '16505551234';
const TO = `+${CUSTOMER}`;

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

describe('several messages of one contact in one webhook body', () => {
  it('applies them in order: the first starts the journey, the second answers the question the first led to', async () => {
    await h.publish(nameCaptureFlow);
    // A contact Tandem knows already (its lock reads its runs along).
    await h.deliver(inboundAt(CUSTOMER, 'hello', await h.now()));
    const ts = String(Math.floor((await h.now()).getTime() / 1000));
    await h.deliver(
      inboundBody([
        { from: CUSTOMER, id: 'wamid.in.1', timestamp: ts, type: 'text', text: { body: 'hi' } },
        { from: CUSTOMER, id: 'wamid.in.2', timestamp: ts, type: 'text', text: { body: 'Ada' } },
      ]),
    );
    await h.idle();
    // Both replies are queued in the one transaction, so they may reach the Cloud API in either order.
    expect(h.wire().sort()).toEqual([`${TO}: Thanks, Ada!`, `${TO}: What is your name?`]);
    expect(await h.q(`SELECT status, current_node FROM runs`)).toEqual([{ status: 'completed', current_node: 'thanks' }]);
  });

  it('creates a new sender once, and only its first message counts as its first contact', async () => {
    await h.publish({
      schemaVersion: 1,
      name: 'Welcome',
      settings: { reentry: 'always' },
      nodes: [
        node('first', 'trigger-message', { match: 'any', firstContactOnly: true }),
        node('welcome', 'send-message', { message: { kind: 'text', text: 'Welcome!' } }),
      ],
      edges: [edge('first', 'next', 'welcome')],
    });
    const ts = String(Math.floor((await h.now()).getTime() / 1000));
    await h.deliver(
      inboundBody([
        { from: CUSTOMER, id: 'wamid.new.1', timestamp: ts, type: 'text', text: { body: 'hello' } },
        { from: CUSTOMER, id: 'wamid.new.2', timestamp: ts, type: 'text', text: { body: 'anyone there?' } },
      ]),
    );
    await h.idle();
    expect(h.wire()).toEqual([`${TO}: Welcome!`]);
    expect(await h.q(`SELECT count(*)::int AS n FROM contacts WHERE wa_id = $1`, [CUSTOMER])).toEqual([{ n: 1 }]);
    expect(await h.q(`SELECT count(*)::int AS n FROM messages WHERE direction = 'in'`)).toEqual([{ n: 2 }]);
  });
});
