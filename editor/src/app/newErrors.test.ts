import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '@tandem/shared';
import { newErrors } from './newErrors';

const error = (nodeId: string): Diagnostic => ({ code: 'unconnected-port', severity: 'error', message: 'x', nodeId }) as Diagnostic;
const warning = (nodeId: string): Diagnostic => ({ code: 'unconnected-port', severity: 'warning', message: 'x', nodeId }) as Diagnostic;

describe('new errors for the Problems panel', () => {
  it('counts none on the first check: errors already there when the flow opens are not news', () => {
    expect(newErrors(undefined, [error('a')]).fresh).toBe(0);
  });

  it('counts an error that was not in the previous check', () => {
    const first = newErrors(undefined, [error('a')]);
    expect(newErrors(first.seen, [error('a'), error('b')]).fresh).toBe(1);
  });

  it('ignores warnings and errors that stay', () => {
    const first = newErrors(undefined, [error('a')]);
    expect(newErrors(first.seen, [error('a'), warning('b')]).fresh).toBe(0);
  });

  it('counts an error again once it was fixed and comes back', () => {
    const first = newErrors(undefined, [error('a')]);
    const fixed = newErrors(first.seen, []);
    expect(newErrors(fixed.seen, [error('a')]).fresh).toBe(1);
  });
});
