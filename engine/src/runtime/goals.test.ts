import { describe, expect, it } from 'vitest';
import { goalSchema, exitSchema } from '@tandem/shared';
import { conditionConversions, eventConversions, exitReason, hasOutcomes, withinWindow } from './goals';

const now = new Date('2026-05-01T10:00:00Z');
const purchase = goalSchema.parse({ name: 'Purchase', event: 'order.paid', value: 'payload.total', currency: 'payload.currency' });
const customer = goalSchema.parse({ name: 'Customer', kind: 'contact', condition: '"customer" in contact.tags' });

describe('goals', () => {
  it('reads the value and currency of an event goal from the payload', () => {
    const [c] = eventConversions({ goals: [purchase] }, 'order.paid', { total: 49.9, currency: 'eur' }, {}, now);
    expect(c).toMatchObject({ event: 'order.paid', value: 49.9, currency: 'EUR' });
  });

  it('takes a number written as text, and leaves out a value or currency it cannot read', () => {
    expect(eventConversions({ goals: [purchase] }, 'order.paid', { total: '12.5' }, {}, now)[0]).toMatchObject({ value: 12.5, currency: null });
    expect(eventConversions({ goals: [purchase] }, 'order.paid', { total: 'lots', currency: 'euros' }, {}, now)[0]).toMatchObject({
      value: null,
      currency: null,
    });
  });

  it('uses a fixed currency code as it is', () => {
    const fixed = goalSchema.parse({ name: 'Purchase', event: 'order.paid', value: 'payload.total', currency: 'USD' });
    expect(eventConversions({ goals: [fixed] }, 'order.paid', { total: 3 }, {}, now)[0]).toMatchObject({ value: 3, currency: 'USD' });
  });

  it('ignores other events', () => {
    expect(eventConversions({ goals: [purchase, customer] }, 'order.shipped', {}, {}, now)).toEqual([]);
  });

  it('meets a condition goal when the contact matches it, and not when the condition cannot be evaluated', () => {
    expect(conditionConversions({ goals: [customer] }, { tags: ['customer'] }, now).map((c) => c.goal.name)).toEqual(['Customer']);
    expect(conditionConversions({ goals: [customer] }, { tags: [] }, now)).toEqual([]);
    expect(conditionConversions({ goals: [customer] }, {}, now)).toEqual([]);
  });

  it('counts within the window after the run started', () => {
    const started = new Date(now.getTime() - 7 * 24 * 3_600_000);
    expect(withinWindow(purchase, started, now)).toBe(true);
    expect(withinWindow(purchase, started, new Date(now.getTime() + 1))).toBe(false);
  });
});

describe('exits', () => {
  const exits = [exitSchema.parse({ event: 'order.cancelled' }), exitSchema.parse({ kind: 'contact', condition: '"unsubscribed" in contact.tags' })];

  it('names the event or condition that ends the run', () => {
    expect(exitReason({ exits }, { event: 'order.cancelled' })).toBe('exit: order.cancelled');
    expect(exitReason({ exits }, { event: 'order.paid' })).toBeUndefined();
    expect(exitReason({ exits }, { contact: { tags: ['unsubscribed'] }, now })).toBe('exit: "unsubscribed" in contact.tags');
    expect(exitReason({ exits }, { contact: { tags: [] }, now })).toBeUndefined();
  });

  it('costs nothing for a journey without goals or exits', () => {
    expect(hasOutcomes({ goals: [], exits: [] })).toBe(false);
    expect(hasOutcomes({ goals: [], exits })).toBe(true);
  });
});
