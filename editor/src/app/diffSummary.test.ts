import { describe, expect, it } from 'vitest';
import { diffSummary } from './diffSummary';

const none = { added: [], removed: [], changed: [], connectionsAdded: 0, connectionsRemoved: 0, settingsChanged: false };

describe('diffSummary', () => {
  it('says what a version changed in one line of words', () => {
    expect(diffSummary(null)).toBe('First version');
    expect(diffSummary({ added: ['a', 'b'], removed: ['c'], changed: ['d'], connectionsAdded: 3, connectionsRemoved: 1, settingsChanged: true })).toBe(
      '2 steps added, 1 removed, 1 changed · 3 connections added, 1 removed · flow settings changed',
    );
    expect(diffSummary(none)).toBe('No changes to the steps');
  });

  it('counts one kind of change on its own', () => {
    expect(diffSummary({ ...none, changed: ['wait_1'] })).toBe('1 step changed');
    expect(diffSummary({ ...none, connectionsRemoved: 2 })).toBe('2 connections removed');
  });
});
