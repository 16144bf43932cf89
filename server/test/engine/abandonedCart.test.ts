import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { example, startEngineHarness, waitFor, type EngineHarness } from '../support/engineHarness';

const HOUR = 3_600_000;
let h: EngineHarness;

beforeAll(async () => {
  h = await startEngineHarness();
  await h.publish(example('abandoned-cart'));
});
afterAll(async () => h?.close());

describe('abandoned cart journey (real Postgres, worker and Cloud API stand-in)', () => {
  it('sends the template an hour after the event, then hands a question over to sales', async () => {
    await h.event('16505551234', 'cart.abandoned', { cart: { url: 'https://shop.example/c/42', total: 39.9, items: [{ name: 'Echeveria' }] } });
    await h.idle();
    expect(await h.run('16505551234')).toMatchObject({ status: 'active', current_node: 'wait_1h', waiting_for: 'timer' });
    expect(h.sent()).toEqual([]);

    await h.advance(HOUR);
    await waitFor(() => h.sent().length === 1, 20_000, 'the template');
    await h.idle();
    expect(h.sent().map(({ body: _b, ...s }) => s)).toEqual([
      { to: '+16505551234', type: 'template', template: 'cart_reminder', params: ['there', 'Echeveria'] },
    ]);
    expect(h.sent()[0]!.body.template).toMatchObject({
      language: { code: 'en' },
      components: expect.arrayContaining([{ type: 'button', sub_type: 'quick_reply', index: '2', parameters: [{ type: 'payload', payload: 'stop' }] }]),
    });
    expect(await h.run('16505551234')).toMatchObject({ current_node: 'reply', waiting_for: 'reply' });

    await h.inbound('16505551234', 'I have a question', { kind: 'button', replyId: 'question' });
    await waitFor(() => h.sent().length === 2, 20_000, 'the handoff message');
    await h.idle();
    expect(h.sent().map(({ body: _b, ...s }) => s)).toEqual([
      { to: '+16505551234', type: 'template', template: 'cart_reminder', params: ['there', 'Echeveria'] },
      { to: '+16505551234', type: 'text', text: 'A teammate will answer you here in a moment.' },
    ]);
    expect(await h.run('16505551234')).toMatchObject({ status: 'active', current_node: 'to_sales', waiting_for: 'person' });
    expect(await h.q(`SELECT team, status FROM handoffs`)).toEqual([{ team: 'sales', status: 'open' }]);
  });
});
