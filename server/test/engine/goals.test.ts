import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endpoints } from '@tandem/shared/api';
import { echoBody, inboundAt, startFullHarness, type FullHarness } from '../support/fullHarness';

// Issue 14: goals, exits and credit, through the signed webhook endpoints, the worker and the
// Cloud API stand-in. A purchase after a journey is its conversion, credited to whoever touched
// the conversation last.

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const CUSTOMER = '16505551234';
const TO = `+${CUSTOMER}`;

let h: FullHarness;
beforeEach(async () => {
  h = await startFullHarness();
});
afterEach(async () => h?.close());

const node = (id: string, type: string, data: Record<string, unknown>) => ({ id, type, position: { x: 0, y: 0 }, data });
const edge = (source: string, target: string, sourceHandle = 'next') => ({ id: `${source}-${sourceHandle}`, source, sourceHandle, target });
const purchase = { name: 'Purchase', kind: 'event', event: 'order.paid', value: 'payload.total', currency: 'payload.currency', windowHours: 7 * 24 };

/** "hi" → a question → a thank-you; the goal is a paid order. */
function sizeJourney(settings: Record<string, unknown> = {}) {
  return {
    schemaVersion: 1,
    name: 'Size advice',
    settings: { goals: [purchase], ...settings },
    nodes: [
      node('hi', 'trigger-message', { match: 'keywords', keywords: ['hi'] }),
      node('size', 'bot-question', {
        prompt: { kind: 'text', text: 'Which size do you wear?' },
        saveTo: { scope: 'vars', name: 'size' },
        timeout: { amount: 1, unit: 'hours' },
      }),
      node('thanks', 'send-message', { message: { kind: 'text', text: 'Size {{vars.size}} is in stock: shop.example/m' } }),
    ],
    edges: [edge('hi', 'size'), edge('size', 'thanks')],
  };
}

type ConversionRow = {
  goal: string;
  event: string | null;
  value: number | null;
  currency: string | null;
  credit: string;
  touches: { actor: string; at: string }[];
  first_human_response_ms: number | null;
};
const conversions = () =>
  h.q<ConversionRow>(
    `SELECT goal, event, value, currency, credit, touches, first_human_response_ms::int AS first_human_response_ms FROM conversions ORDER BY id`,
  );
const paid = (total: number) => h.businessEvent(CUSTOMER, 'order.paid', { total, currency: 'EUR' });

describe('goals, exits and credit', () => {
  it('(a) a purchase after the journey ended is one conversion with its revenue, credited to the bot; a repeat or a late one does not count', async () => {
    await h.publish(sizeJourney());
    await h.deliver(inboundAt(CUSTOMER, 'hi', await h.now()));
    await h.deliver(inboundAt(CUSTOMER, 'M', await h.now()));
    expect(h.wire()).toEqual([`${TO}: Which size do you wear?`, `${TO}: Size M is in stock: shop.example/m`]);
    const [run] = await h.q<{ status: string }>('SELECT status FROM runs');
    expect(run!.status).toBe('completed');

    await h.elapse(2 * HOUR);
    await paid(49.9);
    const rows = await conversions();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ goal: 'Purchase', event: 'order.paid', value: 49.9, currency: 'EUR', credit: 'bot', first_human_response_ms: null });
    expect(rows[0]!.touches.map((t) => t.actor)).toEqual(['bot']);

    await paid(20);
    expect(await conversions()).toHaveLength(1);
  });

  it('(a) a purchase after the goal window is not the journey’s conversion', async () => {
    await h.publish(sizeJourney());
    await h.deliver(inboundAt(CUSTOMER, 'hi', await h.now()));
    await h.deliver(inboundAt(CUSTOMER, 'M', await h.now()));
    await h.elapse(7 * DAY + HOUR);
    await paid(49.9);
    expect(await conversions()).toEqual([]);
  });

  it('(b) an App reply before the purchase credits the person in the Business App', async () => {
    const flowId = await h.publish(sizeJourney());
    const started = await h.now();
    await h.deliver(inboundAt(CUSTOMER, 'hi', started));
    await h.deliver(inboundAt(CUSTOMER, 'M', await h.now()));
    await h.elapse(10 * MIN);
    await h.deliver(echoBody(CUSTOMER, 'Hi Sheena, Maria here: M fits you well, I put one aside.', await h.now()));
    await h.elapse(MIN);
    await paid(49.9);
    const [row] = await conversions();
    expect(row).toMatchObject({ value: 49.9, currency: 'EUR', credit: 'app' });
    expect(row!.touches.map((t) => t.actor)).toEqual(['bot', 'app']);
    // Webhook timestamps are whole seconds.
    expect(row!.first_human_response_ms).toBeGreaterThanOrEqual(10 * MIN - 1_000);
    expect(row!.first_human_response_ms).toBeLessThanOrEqual(10 * MIN + 1_000);
    const analytics = await h.api(endpoints.flowAnalytics, { flowId });
    expect(analytics.conversions).toEqual({ count: 1, revenue: { EUR: 49.9 }, credit: { bot: 0, app: 1, agent: 0, none: 0 } });
  });

  it('(c) an exit event ends an active run: its pending wait never sends', async () => {
    await h.publish({
      schemaVersion: 1,
      name: 'Cart reminder',
      settings: { exits: [{ kind: 'event', event: 'order.cancelled' }] },
      nodes: [
        node('cart', 'trigger-event', { event: 'cart.abandoned' }),
        node('later', 'wait', { mode: 'duration', duration: { amount: 1, unit: 'hours' } }),
        node('remind', 'send-template', { template: { name: 'cart_reminder', language: 'en', category: 'UTILITY' } }),
      ],
      edges: [edge('cart', 'later'), edge('later', 'remind')],
    });
    await h.businessEvent(CUSTOMER, 'cart.abandoned', {});
    const [waiting] = await h.q<{ status: string; waiting_for: string }>('SELECT status, waiting_for FROM runs');
    expect(waiting).toMatchObject({ status: 'active', waiting_for: 'timer' });

    await h.businessEvent(CUSTOMER, 'order.cancelled', {});
    const [run] = await h.q<{ id: number; status: string; end_reason: string }>('SELECT id, status, end_reason FROM runs');
    expect(run).toMatchObject({ status: 'completed', end_reason: 'exit: order.cancelled' });
    expect(await h.q('SELECT 1 FROM timers')).toEqual([]);
    const ends = await h.q<{ detail: { reason: string } }>(`SELECT detail FROM run_steps WHERE run_id = $1 AND kind = 'end'`, [run!.id]);
    expect(ends.map((e) => e.detail.reason)).toEqual(['exit: order.cancelled']);

    await h.elapse(2 * HOUR);
    expect(h.wire()).toEqual([]);
  });

  it('(d) a condition goal counts when a step tags the contact a customer', async () => {
    await h.publish({
      schemaVersion: 1,
      name: 'Welcome',
      settings: { goals: [{ name: 'Became a customer', kind: 'contact', condition: '"customer" in contact.tags' }] },
      nodes: [
        node('hi', 'trigger-message', { match: 'keywords', keywords: ['hi'] }),
        node('ask', 'bot-question', {
          prompt: { kind: 'text', text: 'Did you order before?' },
          saveTo: { scope: 'vars', name: 'before' },
          timeout: { amount: 1, unit: 'hours' },
        }),
        node('tag', 'set-attribute', { addTags: ['customer'] }),
      ],
      edges: [edge('hi', 'ask'), edge('ask', 'tag')],
    });
    await h.deliver(inboundAt(CUSTOMER, 'hi', await h.now()));
    expect(await conversions()).toEqual([]);
    await h.deliver(inboundAt(CUSTOMER, 'yes', await h.now()));
    const rows = await conversions();
    expect(rows).toMatchObject([{ goal: 'Became a customer', event: null, value: null, credit: 'bot' }]);
  });
});
