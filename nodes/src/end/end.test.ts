import { describe, expect, it } from 'vitest';
import { end } from './definition';
import { compileWith, configOf, issuesOf, portIds } from '../../test/nodeTestKit';

describe('end', () => {
  it('accepts its defaults: no outcome', () => {
    expect(configOf(end, end.defaults)).toEqual({ outcome: '' });
    expect(configOf(end, {})).toEqual({ outcome: '' });
  });

  it('trims the outcome label', () => {
    expect(configOf(end, { outcome: ' converted ' })).toEqual({ outcome: 'converted' });
  });

  it('rejects outcome labels that are not snake-case', () => {
    expect(issuesOf(end, { outcome: 'Converted!' })).toEqual(['outcome: Outcome: Lower-case letters, digits and _']);
    expect(issuesOf(end, { outcome: 'booked call' })).toEqual(['outcome: Outcome: Lower-case letters, digits and _']);
  });

  it('has no outputs', () => {
    expect(portIds(end, { outcome: 'converted' })).toEqual([]);
  });

  it('compiles to a final state that only logs the entry', () => {
    expect(compileWith(end, { outcome: 'converted' })).toEqual({ type: 'final', entry: [{ type: 'tandem.enter', params: { node: 'n1' } }] });
  });
});
