import { describe, expect, it } from 'vitest';
import { triggerApi } from './definition';
import { triggerApiRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';

const mapPayload = triggerApiRuntime.mapPayload!;
const receivedAt = new Date('2026-03-02T09:00:00.000Z');
const booking = configOf(triggerApi, {
  fields: [
    { name: 'appointment_at', path: 'appointment.at', type: 'date', required: true },
    { name: 'vip', path: 'customer.vip', type: 'boolean' },
    { name: 'order_id', path: 'order.id', type: 'string' },
    { name: 'address', path: 'customer.address', type: 'string' },
  ],
});

describe('trigger-api runtime', () => {
  it('converts the payload fields to their declared types and adds when the call arrived', () => {
    const payload = {
      appointment: { at: '2026-03-05T14:30:00+01:00' },
      customer: { vip: 'true', address: { city: 'Berlin' } },
      order: { id: 4711 },
    };
    expect(mapPayload(booking, payload, { receivedAt })).toEqual({
      ok: true,
      values: {
        appointment_at: '2026-03-05T13:30:00.000Z',
        vip: true,
        order_id: '4711',
        address: '{"city":"Berlin"}',
        received_at: '2026-03-02T09:00:00.000Z',
      },
    });
  });

  it('reads "yes" and 0 as false for a boolean field, and true, "1" and 1 as true', () => {
    const vip = (value: unknown) => {
      const result = mapPayload(booking, { appointment: { at: '2026-03-05' }, customer: { vip: value } }, { receivedAt });
      return result.ok ? result.values.vip : 'failed';
    };
    expect([true, 'true', '1', 1].map(vip)).toEqual([true, true, true, true]);
    expect(['yes', 0, false].map(vip)).toEqual([false, false, false]);
  });

  it('refuses to start when a required date is missing or not a date', () => {
    expect(mapPayload(booking, {}, { receivedAt })).toEqual({ ok: false, missing: ['appointment.at'] });
    expect(mapPayload(booking, { appointment: { at: 'next tuesday' } }, { receivedAt })).toEqual({ ok: false, missing: ['appointment.at'] });
  });

  it('starts with only the arrival time when no fields are declared', () => {
    expect(mapPayload(configOf(triggerApi, triggerApi.defaults), { anything: 1 }, { receivedAt })).toEqual({
      ok: true,
      values: { received_at: '2026-03-02T09:00:00.000Z' },
    });
  });
});

describe('trigger-api runtime: what the engine reads', () => {
  it('starts on the API and on go-to-flow', () => {
    expect(triggerApiRuntime.startsOn).toBe('api');
  });
});
