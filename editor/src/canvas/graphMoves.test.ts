import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '@tandem/shared';
import { firstFreePort, stepInDirection } from './graphMoves';

// start → ask; ask.yes → thanks, ask.no → done
const doc = {
  nodes: [],
  edges: [
    { id: 'e1', source: 'start', sourceHandle: 'next', target: 'ask' },
    { id: 'e3', source: 'ask', sourceHandle: 'no', target: 'done' },
    { id: 'e2', source: 'ask', sourceHandle: 'yes', target: 'thanks' },
  ],
} as unknown as FlowDocument;
const ports = (id: string) => (id === 'ask' ? ['yes', 'no', 'timeout'] : ['next']);

describe('moving the selection along the connections', () => {
  it('goes to the step the first output leads to', () => {
    expect(stepInDirection(doc, 'start', 'next', ports)).toBe('ask');
    expect(stepInDirection(doc, 'ask', 'next', ports)).toBe('thanks');
  });

  it('goes back to the step that leads here', () => {
    expect(stepInDirection(doc, 'done', 'previous', ports)).toBe('ask');
    expect(stepInDirection(doc, 'start', 'previous', ports)).toBeUndefined();
  });

  it('goes up and down between the branches of the same step, in output order', () => {
    expect(stepInDirection(doc, 'thanks', 'down', ports)).toBe('done');
    expect(stepInDirection(doc, 'done', 'up', ports)).toBe('thanks');
    expect(stepInDirection(doc, 'done', 'down', ports)).toBeUndefined();
  });
});

describe('the first free output', () => {
  it('is the first output in order that leads nowhere', () => {
    expect(firstFreePort(doc, 'ask', ['yes', 'no', 'timeout'])).toBe('timeout');
    expect(firstFreePort(doc, 'start', ['next'])).toBeUndefined();
  });
});
