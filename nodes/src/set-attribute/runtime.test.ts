import { describe, expect, it } from 'vitest';
import type { Scope } from '../defineRuntime';
import { setAttribute } from './definition';
import { setAttributeRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';

const scope: Scope = {
  contact: { first_name: 'Ada', visits: 2, points: '40', nickname: 'Addy', notes: 'n/a' },
  vars: { retries: 1 },
  trigger: { total: '59.90', paid: 'true', order_id: '4711', zip: '01067', big_id: '12345678901234567890', note: ' see you ' },
  now: new Date('2026-03-02T09:00:00.000Z'),
};

const caps = fakeCaps();
const changes = (data: Record<string, unknown>) => setAttributeRuntime.changes!(configOf(setAttribute, data), scope, caps);
const setContact = (name: string, value: string) => changes({ operations: [{ target: 'contact', name, value }] }).contact?.[name];

describe('set-attribute runtime', () => {
  it('sets a contact attribute to a text filled in from the trigger', () => {
    expect(changes({ operations: [{ name: 'last_order', value: 'Order {{trigger.order_id}}' }] })).toEqual({ contact: { last_order: 'Order 4711' } });
  });

  it('stores numbers and true/false as such so later conditions can compare them', () => {
    expect(setContact('last_total', '{{trigger.total}}')).toBe(59.9);
    expect(setContact('order_no', '{{trigger.order_id}}')).toBe(4711);
    expect(setContact('paid', '{{trigger.paid}}')).toBe(true);
    expect(setContact('balance', '-12.5')).toBe(-12.5);
    expect(setContact('subscribed', 'false')).toBe(false);
  });

  it('keeps a number with leading zeros, such as a postcode, as text', () => {
    expect(setContact('zip', '{{trigger.zip}}')).toBe('01067');
    expect(setContact('zero', '0')).toBe(0);
    expect(setContact('price', '0.5')).toBe(0.5);
  });

  it('keeps a numeric id too long to store exactly as a number as text', () => {
    expect(setContact('external_id', '{{trigger.big_id}}')).toBe('12345678901234567890');
    expect(setContact('phone_digits', '4915112345678')).toBe(4915112345678);
  });

  it('keeps other text as written, including "True", "1e3" and surrounding spaces', () => {
    expect(setContact('answer', 'True')).toBe('True');
    expect(setContact('code', '1e3')).toBe('1e3');
    expect(setContact('note', '{{trigger.note}}')).toBe(' see you ');
    expect(setContact('blank', '')).toBe('');
  });

  it('writes journey variables apart from contact attributes', () => {
    expect(
      changes({
        operations: [
          { target: 'vars', name: 'coupon', value: 'SAVE10' },
          { name: 'segment', value: 'b' },
        ],
      }),
    ).toEqual({
      vars: { coupon: 'SAVE10' },
      contact: { segment: 'b' },
    });
  });

  it('removes an attribute by setting it to null', () => {
    expect(changes({ operations: [{ name: 'nickname', action: 'unset' }] })).toEqual({ contact: { nickname: null } });
  });

  it('adds to the current number, counting from 0 when the attribute is missing', () => {
    const out = changes({
      operations: [
        { name: 'visits', action: 'increment' },
        { name: 'streak', action: 'increment', amount: 5 },
        { target: 'vars', name: 'retries', action: 'increment', amount: -1 },
      ],
    });
    expect(out).toEqual({ contact: { visits: 3, streak: 5 }, vars: { retries: 0 } });
  });

  it('increments a number stored as text, and restarts from 0 when the value is not a number', () => {
    expect(changes({ operations: [{ name: 'points', action: 'increment', amount: 10 }] }).contact).toEqual({ points: 50 });
    expect(changes({ operations: [{ name: 'notes', action: 'increment' }] }).contact).toEqual({ notes: 1 });
  });

  it('reads the current value from the target it writes to', () => {
    expect(changes({ operations: [{ target: 'vars', name: 'visits', action: 'increment' }] })).toEqual({ vars: { visits: 1 } });
  });

  it('passes on the tags to add and remove and the consent change', () => {
    expect(changes({ addTags: ['customer'], removeTags: ['lead'], consent: 'opt_out' })).toEqual({
      addTags: ['customer'],
      removeTags: ['lead'],
      consent: 'opt_out',
    });
  });

  it('leaves out the kinds of change that are empty or unchanged', () => {
    expect(changes({ addTags: ['engaged'] })).toEqual({ addTags: ['engaged'] });
    expect(Object.keys(changes({ consent: 'opt_in' }))).toEqual(['consent']);
  });
});
