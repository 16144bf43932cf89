import { describe, expect, it } from 'vitest';
import type { Scope } from '../defineRuntime';
import { condition } from './definition';
import { conditionRuntime } from './runtime';
import { configOf } from '../../test/nodeTestKit';
import { fakeCaps } from '../../test/fakeCaps';

const branch = conditionRuntime.branch!;
const scope = (contact: Record<string, unknown>): Scope => ({ contact, vars: {}, trigger: {}, now: new Date('2026-03-02T09:00:00Z') });

/** Evaluates the few expressions these tests use, from the scope; any other expression fails like an engine error. */
const caps = fakeCaps({
  evaluate(expression, s) {
    const tags = Array.isArray(s.contact.tags) ? s.contact.tags : [];
    const known: Record<string, () => unknown> = {
      '"vip" in contact.tags': () => tags.includes('vip'),
      'contact.orders_count > 3': () => {
        if (typeof s.contact.orders_count !== 'number') throw new Error('No such key: orders_count');
        return s.contact.orders_count > 3;
      },
      'contact.orders_count': () => s.contact.orders_count,
      'contact.city': () => s.contact.city,
    };
    const run = known[expression];
    if (!run) throw new Error(`Unknown expression: ${expression}`);
    return run();
  },
  render: () => {
    throw new Error('a condition renders no text');
  },
});

const tiers = configOf(condition, {
  branches: [
    { id: 'vip', label: 'VIP', expression: '"vip" in contact.tags' },
    { id: 'loyal', label: 'Loyal', expression: 'contact.orders_count > 3' },
    { id: 'count', label: 'Has a count', expression: 'contact.orders_count' },
    { id: 'city', label: 'Has a city', expression: 'contact.city' },
  ],
});

describe('condition runtime', () => {
  it('takes a branch when its expression holds for the contact', () => {
    expect(branch(tiers, 'vip', scope({ tags: ['vip', 'newsletter'] }), caps)).toBe(true);
    expect(branch(tiers, 'loyal', scope({ orders_count: 4 }), caps)).toBe(true);
  });

  it('does not take a branch when its expression is false', () => {
    expect(branch(tiers, 'vip', scope({ tags: ['newsletter'] }), caps)).toBe(false);
    expect(branch(tiers, 'loyal', scope({ orders_count: 3 }), caps)).toBe(false);
  });

  it('evaluates only the asked branch, so an earlier failing branch does not block a later one', () => {
    const s = scope({ tags: ['vip'] });
    expect(branch(tiers, 'loyal', s, caps)).toBe(false);
    expect(branch(tiers, 'vip', s, caps)).toBe(true);
  });

  it('treats an expression that fails, such as a missing attribute, as not holding instead of stopping the journey', () => {
    expect(branch(tiers, 'loyal', scope({}), caps)).toBe(false);
  });

  it('only counts the boolean true, not a truthy number or text', () => {
    expect(branch(tiers, 'count', scope({ orders_count: 7 }), caps)).toBe(false);
    expect(branch(tiers, 'city', scope({ city: 'Berlin' }), caps)).toBe(false);
  });

  it('does not take a branch id it does not have, such as the otherwise output', () => {
    expect(branch(tiers, 'else', scope({ tags: ['vip'] }), caps)).toBe(false);
  });
});
