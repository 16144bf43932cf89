import { describe, expect, it } from 'vitest';
import { triggerEvent } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

describe('trigger-event', () => {
  it('accepts its defaults', () => {
    expect(configOf(triggerEvent, triggerEvent.defaults)).toEqual({ event: 'cart.abandoned', fields: [] });
  });

  it('fills in the type and required flag of a payload field', () => {
    expect(configOf(triggerEvent, { event: 'cart.abandoned', fields: [{ name: 'cart_url', path: 'cart.url' }] }).fields).toEqual([
      { name: 'cart_url', path: 'cart.url', type: 'string', required: false },
    ]);
  });

  it('rejects event names that are not dotted lower-case', () => {
    const message = 'event: Event name: Use a dotted lower-case name such as cart.abandoned';
    expect(issuesOf(triggerEvent, { event: 'CartAbandoned' })).toEqual([message]);
    expect(issuesOf(triggerEvent, { event: 'abandoned' })).toEqual([message]);
    expect(issuesOf(triggerEvent, { event: 'cart abandoned' })).toEqual([message]);
    expect(issuesOf(triggerEvent, { event: 'order.paid.v2' })).toEqual([]);
  });

  it('rejects payload fields with a bad variable name or path', () => {
    expect(issuesOf(triggerEvent, { event: 'cart.abandoned', fields: [{ name: 'CartUrl', path: 'cart url' }] })).toEqual([
      'fields.0.name: Payload fields › #1 › Variable: Use lower-case letters, digits and "_" (starting with a letter)',
      'fields.0.path: Payload fields › #1 › Path in the payload: Use a dotted path such as cart.url',
    ]);
  });

  it('rejects two payload fields saved under the same variable', () => {
    const fields = [
      { name: 'url', path: 'cart.url' },
      { name: 'url', path: 'cart.link' },
    ];
    expect(issuesOf(triggerEvent, { event: 'cart.abandoned', fields })).toEqual(['fields: Payload fields: Two fields have the same variable name']);
  });

  it('has one required next port', () => {
    expect(triggerEvent.ports(configOf(triggerEvent, triggerEvent.defaults))).toEqual([{ id: 'next', label: 'Next', kind: 'next', required: true }]);
  });

  it('compiles to a state that keeps the trigger payload and moves on', () => {
    expect(compileWith(triggerEvent, triggerEvent.defaults)).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.captureTrigger', params: { node: 'n1' } },
      ],
      always: [{ target: 'next_target', actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'next' } }] }],
    });
  });

  it('ends the run when next is not connected', () => {
    expect(compileWith(triggerEvent, triggerEvent.defaults, []).always?.[0]?.target).toBe('$end');
  });

  it('says nothing about the 24-hour window, since the contact did not write', () => {
    expect(triggerEvent.analysis.window(configOf(triggerEvent, triggerEvent.defaults), 'next')).toEqual({ kind: 'unknown' });
    expect(triggerEvent.analysis.waits(configOf(triggerEvent, triggerEvent.defaults))).toBe(false);
  });

  it('provides the event name, the reception time and each payload field', () => {
    const config = configOf(triggerEvent, { event: 'cart.abandoned', fields: [{ name: 'cart_url', path: 'cart.url' }] });
    expect(triggerEvent.analysis.provides(config)).toEqual([{ scope: 'trigger', names: ['event_name', 'received_at', 'cart_url'], ports: 'all' }]);
    expect(portIds(triggerEvent, config)).toEqual(['next']);
  });
});

describe('trigger-event starters', () => {
  it('offers to fire its event, once one is named', () => {
    expect(triggerEvent.starters!({ event: 'cart.abandoned' }, 'n1')).toEqual([{ kind: 'event', event: 'cart.abandoned' }]);
    expect(triggerEvent.starters!({ event: '' }, 'n1')).toEqual([]);
  });
});
