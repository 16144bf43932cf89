import { describe, expect, it } from 'vitest';
import { waFlowInfoSchema } from '@tandem/shared';
import { answersFor } from './applyWaFlow';

describe('answersFor', () => {
  it('saves each field once, in screen order, to a journey variable named like it', () => {
    const flow = waFlowInfoSchema.parse({
      id: '1',
      name: 'signup',
      screens: [
        { id: 'A', fields: [{ name: 'firstName' }, { name: 'Email' }, { name: '_code' }] },
        { id: 'B', fields: [{ name: 'firstName' }, { name: 'opt_in', type: 'boolean' }] },
      ],
    });
    expect(answersFor(flow)).toEqual([
      { field: 'firstName', saveTo: { scope: 'vars', name: 'first_name' } },
      { field: 'Email', saveTo: { scope: 'vars', name: 'email' } },
      { field: '_code', saveTo: { scope: 'vars', name: 'code' } },
      { field: 'opt_in', saveTo: { scope: 'vars', name: 'opt_in' } },
    ]);
  });

  it('leaves out a field whose name no reply key or variable can take', () => {
    const flow = waFlowInfoSchema.parse({ id: '1', name: 'x', screens: [{ id: 'A', fields: [{ name: 'full name' }, { name: '123' }, { name: 'ok' }] }] });
    expect(answersFor(flow).map((r) => r.field)).toEqual(['ok']);
  });
});
