import { describe, expect, it } from 'vitest';
import { diffSummary } from './diffSummary';

describe('diffSummary', () => {
  it('says what a version changed in one line', () => {
    expect(diffSummary(null)).toBe('First version');
    expect(diffSummary({ added: ['a', 'b'], removed: ['c'], changed: ['d'], connectionsAdded: 3, connectionsRemoved: 1, settingsChanged: true })).toBe(
      '+2 steps, −1 step, 1 changed, connections +3 −1, flow settings changed',
    );
    expect(diffSummary({ added: [], removed: [], changed: [], connectionsAdded: 0, connectionsRemoved: 0, settingsChanged: false })).toBe('No changes');
  });
});
