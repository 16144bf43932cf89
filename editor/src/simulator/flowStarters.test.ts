import { describe, expect, it } from 'vitest';
import { loadDocument } from '../store/loadDocument';
import { flowStarters } from './flowStarters';

describe('flowStarters', () => {
  it('offers the keywords, events and broadcasts that start the flow, once each', () => {
    const loaded = loadDocument({
      schemaVersion: 1,
      name: 'Starts',
      nodes: [
        { id: 'a', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['Book', 'appointment'] } },
        { id: 'b', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'keywords', keywords: ['book'] } },
        { id: 'c', type: 'trigger-message', position: { x: 0, y: 0 }, data: { match: 'any' } },
        { id: 'd', type: 'trigger-event', position: { x: 0, y: 0 }, data: { event: 'cart.abandoned' } },
        { id: 'e', type: 'trigger-schedule', position: { x: 0, y: 0 }, data: { schedule: { kind: 'cron', cron: '0 9 * * 1', timezone: 'UTC' } } },
      ],
      edges: [],
    });
    if (!loaded.ok) throw new Error(loaded.errors.join());
    expect(flowStarters(loaded.doc)).toEqual([
      { kind: 'say', text: 'Book' },
      { kind: 'say', text: 'appointment' },
      { kind: 'event', event: 'cart.abandoned' },
      { kind: 'start', node: 'e', label: 'Broadcast to the test contact now' },
    ]);
  });
});
