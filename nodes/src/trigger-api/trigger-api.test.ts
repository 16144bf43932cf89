import { describe, expect, it } from 'vitest';
import { triggerApi } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

describe('trigger-api', () => {
  it('accepts its defaults', () => {
    expect(configOf(triggerApi, triggerApi.defaults)).toEqual({ fields: [] });
  });

  it('accepts no settings at all, as a start without payload', () => {
    expect(configOf(triggerApi, {})).toEqual({ fields: [] });
  });

  it('keeps the declared type and required flag of payload fields', () => {
    const config = configOf(triggerApi, { fields: [{ name: 'order_total', path: 'order.total', type: 'number', required: true }] });
    expect(config.fields).toEqual([{ name: 'order_total', path: 'order.total', type: 'number', required: true }]);
  });

  it('rejects payload paths that are not dotted and unknown field types', () => {
    expect(issuesOf(triggerApi, { fields: [{ name: 'order_id', path: 'order..id' }] })).toEqual([
      'fields.0.path: Payload fields › #1 › Path in the payload: Use a dotted path such as cart.url',
    ]);
    expect(issuesOf(triggerApi, { fields: [{ name: 'order_id', path: 'order.id', type: 'money' }] })).toEqual([
      'fields.0.type: Payload fields › #1 › Type: Choose one of: string, number, boolean, date, list, object',
    ]);
  });

  it('rejects two payload fields saved under the same variable', () => {
    const fields = [
      { name: 'order_id', path: 'order.id' },
      { name: 'order_id', path: 'id' },
    ];
    expect(issuesOf(triggerApi, { fields })).toEqual(['fields: Payload fields: Two fields have the same variable name']);
  });

  it('has one required next port', () => {
    expect(triggerApi.ports(configOf(triggerApi, {}))).toEqual([{ id: 'next', label: 'Next', kind: 'next', required: true }]);
    expect(portIds(triggerApi, { fields: [{ name: 'order_id', path: 'order.id' }] })).toEqual(['next']);
  });

  it('compiles to a state that keeps the trigger payload and moves on', () => {
    expect(compileWith(triggerApi, {})).toEqual({
      entry: [
        { type: 'tandem.enter', params: { node: 'n1' } },
        { type: 'tandem.captureTrigger', params: { node: 'n1' } },
      ],
      always: [{ target: 'next_target', actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'next' } }] }],
    });
  });

  it('ends the run when next is not connected', () => {
    expect(compileWith(triggerApi, {}, []).always).toEqual([{ target: '$end', actions: [{ type: 'tandem.port', params: { node: 'n1', port: 'next' } }] }]);
  });

  it('assumes the 24-hour window may be closed, since a system started the run', () => {
    expect(triggerApi.analysis.window(configOf(triggerApi, {}), 'next')).toEqual({ kind: 'unknown' });
  });

  it('provides the reception time and each payload field', () => {
    const config = configOf(triggerApi, {
      fields: [
        { name: 'order_id', path: 'order.id' },
        { name: 'coupon', path: 'coupon' },
      ],
    });
    expect(triggerApi.analysis.provides(config)).toEqual([{ scope: 'trigger', names: ['received_at', 'order_id', 'coupon'], ports: 'all' }]);
  });
});

describe('trigger-api starters', () => {
  it('offers to start the test contact at this trigger', () => {
    expect(triggerApi.starters!({ fields: [] }, 'n1')).toEqual([{ kind: 'start', node: 'n1', label: 'Start as the API would' }]);
  });
});
