import { describe, expect, it } from 'vitest';
import { triggerEvent } from './definition';
import { triggerEventRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';

const mapPayload = triggerEventRuntime.mapPayload!;
const receivedAt = new Date('2026-03-02T09:00:00.000Z');
const abandonedCart = configOf(triggerEvent, {
  event: 'cart.abandoned',
  fields: [
    { name: 'cart_url', path: 'cart.url', required: true },
    { name: 'total', path: 'cart.total', type: 'number' },
    { name: 'items', path: 'cart.items', type: 'list' },
  ],
});

describe('trigger-event runtime', () => {
  it('maps the declared payload fields into trigger values, with the event name and when it arrived', () => {
    const payload = { cart: { url: 'https://shop.example/c/9', total: '59.90', items: [{ sku: 'A1' }] }, ignored: true };
    expect(mapPayload(abandonedCart, payload, { name: 'cart.abandoned', receivedAt })).toEqual({
      ok: true,
      values: {
        cart_url: 'https://shop.example/c/9',
        total: 59.9,
        items: [{ sku: 'A1' }],
        event_name: 'cart.abandoned',
        received_at: '2026-03-02T09:00:00.000Z',
      },
    });
  });

  it('does not start on another event, and reports no missing fields for it', () => {
    expect(mapPayload(abandonedCart, { cart: { url: 'https://shop.example/c/9' } }, { name: 'order.paid', receivedAt })).toEqual({ ok: false, missing: [] });
    expect(mapPayload(abandonedCart, { cart: { url: 'https://shop.example/c/9' } }, { receivedAt })).toEqual({ ok: false, missing: [] });
  });

  it('refuses to start when a required field is absent or null, naming its path', () => {
    expect(mapPayload(abandonedCart, { cart: { total: 10 } }, { name: 'cart.abandoned', receivedAt })).toEqual({ ok: false, missing: ['cart.url'] });
    expect(mapPayload(abandonedCart, { cart: { url: null } }, { name: 'cart.abandoned', receivedAt })).toEqual({ ok: false, missing: ['cart.url'] });
  });

  it('sets an optional field that is absent or not convertible to null', () => {
    const result = mapPayload(abandonedCart, { cart: { url: 'u', total: 'a lot' } }, { name: 'cart.abandoned', receivedAt });
    expect(result).toMatchObject({ ok: true, values: { total: null, items: null } });
  });
});

describe('trigger-event runtime: what the engine reads', () => {
  it('starts on business events', () => {
    expect(triggerEventRuntime.startsOn).toBe('event');
  });
});
