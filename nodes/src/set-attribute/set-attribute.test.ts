import { describe, expect, it } from 'vitest';
import { setAttribute } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

const mixed = {
  operations: [
    { name: 'city', value: 'Berlin' },
    { name: 'visits', action: 'increment' },
    { target: 'vars', name: 'step', value: '2' },
    { target: 'vars', name: 'coupon', action: 'unset' },
  ],
};

describe('set-attribute', () => {
  it('accepts its defaults: tag the contact as engaged', () => {
    expect(configOf(setAttribute, setAttribute.defaults)).toEqual({ operations: [], addTags: ['engaged'], removeTags: [], consent: 'unchanged' });
  });

  it('fills in an operation: set a contact attribute, incrementing by 1', () => {
    expect(configOf(setAttribute, { operations: [{ name: 'city' }] }).operations).toEqual([
      { target: 'contact', name: 'city', action: 'set', value: '', amount: 1 },
    ]);
  });

  it('rejects a step that changes nothing', () => {
    expect(issuesOf(setAttribute, {})).toEqual(['operations: Set: Nothing to set: add an attribute, a tag or a consent change']);
    expect(issuesOf(setAttribute, { consent: 'opt_out' })).toEqual([]);
  });

  it('rejects changing contact fields that Tandem keeps', () => {
    expect(issuesOf(setAttribute, { operations: [{ name: 'phone', value: '+4915112345678' }] })).toEqual([
      'operations.0.name: Set › #1 › Name: contact.phone is kept by Tandem and cannot be changed by a flow',
    ]);
    expect(
      issuesOf(setAttribute, {
        operations: [
          { name: 'first_name', value: 'Ana' },
          { name: 'marketing_opt_in', value: 'true' },
        ],
      }),
    ).toEqual(['operations.1.name: Set › #2 › Name: contact.marketing_opt_in is kept by Tandem and cannot be changed by a flow']);
  });

  it('allows the writable contact fields and any journey variable name', () => {
    const ops = ['first_name', 'last_name', 'email', 'language', 'timezone'].map((name) => ({ name, value: 'x' }));
    expect(issuesOf(setAttribute, { operations: [...ops, { target: 'vars', name: 'phone', value: 'x' }] })).toEqual([]);
  });

  it('rejects attribute names that are not snake-case', () => {
    expect(issuesOf(setAttribute, { operations: [{ name: 'First Name', value: 'Ana' }] })).toEqual([
      'operations.0.name: Set › #1 › Name: Use lower-case letters, digits and "_" (starting with a letter)',
    ]);
  });

  it('has one optional next output', () => {
    expect(setAttribute.ports(configOf(setAttribute, mixed))).toEqual([{ id: 'next', label: 'Next', kind: 'next', required: false }]);
    expect(portIds(setAttribute, setAttribute.defaults)).toEqual(['next']);
  });

  it('compiles to a state that applies the changes on entry and moves on', () => {
    expect(compileWith(setAttribute, mixed)).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.setValues', params: { node: 'n1' } },
      ],
      always: [{ target: 'next_target', actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'next' } }] }],
    });
    expect(compileWith(setAttribute, mixed, []).always?.[0]?.target).toBe('$end');
  });

  it('provides the journey variables it sets, not those it unsets', () => {
    expect(setAttribute.analysis.provides(configOf(setAttribute, mixed))).toEqual([{ scope: 'vars', names: ['step'], ports: 'all' }]);
    expect(setAttribute.analysis.provides(configOf(setAttribute, setAttribute.defaults))).toEqual([]);
  });

  it('declares the contact attributes it writes, numbers for increments', () => {
    expect(setAttribute.analysis.writesAttributes(configOf(setAttribute, mixed))).toEqual([
      { name: 'city', type: 'string' },
      { name: 'visits', type: 'number' },
    ]);
  });

  it('takes no time, so a loop through it alone never waits', () => {
    expect(setAttribute.analysis.waits(configOf(setAttribute, mixed))).toBe(false);
  });

  it('records the opt-out from marketing only when it sets consent to opt_out', () => {
    expect(setAttribute.policy?.recordsOptOut?.(configOf(setAttribute, { consent: 'opt_out' }))).toBe(true);
    expect(setAttribute.policy?.recordsOptOut?.(configOf(setAttribute, { consent: 'opt_in' }))).toBe(false);
    expect(setAttribute.policy?.recordsOptOut?.(configOf(setAttribute, mixed))).toBe(false);
  });
});
