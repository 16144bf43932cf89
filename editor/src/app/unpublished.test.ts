import { describe, expect, it } from 'vitest';
import { flowDocumentSchema } from '@tandem/shared';
import abandoned from '../../../engine/examples/abandoned-cart.json';
import { draftChanges, hasChanges } from './unpublished';

const live = flowDocumentSchema.parse(abandoned);

describe("the draft's unpublished changes", () => {
  it('are none for the same journey, also with steps moved, settings in another key order and notes added', () => {
    const draft = structuredClone(live);
    draft.nodes[0]!.position = { x: 999, y: 999 };
    const wait = draft.nodes.find((n) => n.id === 'wait_1h')!;
    wait.data = Object.fromEntries(Object.entries(wait.data).reverse());
    draft.notes.push({ id: 'note_1', position: { x: 0, y: 0 }, text: 'Remember the promo', color: 'yellow' });
    const changes = draftChanges(abandoned, draft)!;
    expect(hasChanges(changes)).toBe(false);
  });

  it('name the steps added, removed and changed, and count the connections and settings', () => {
    const draft = structuredClone(live);
    draft.nodes.find((n) => n.id === 'wait_1h')!.data = { mode: 'duration', duration: { amount: 2, unit: 'hours' } };
    draft.nodes = draft.nodes.filter((n) => n.id !== 'busy');
    draft.edges = draft.edges.filter((e) => e.target !== 'busy' && e.source !== 'busy');
    draft.nodes.push({ id: 'thanks', type: 'send-message', version: 1, position: { x: 0, y: 0 }, data: { message: { kind: 'text', text: 'Thanks!' } } });
    draft.edges.push({ id: 'e_thanks', source: 'to_sales', sourceHandle: 'timeout', target: 'thanks' });
    draft.settings = { ...draft.settings, timezone: 'UTC' };
    const changes = draftChanges(abandoned, draft)!;
    expect(hasChanges(changes)).toBe(true);
    expect(changes).toMatchObject({ connectionsAdded: 1, connectionsRemoved: 1, settingsChanged: true });
    expect(changes).toMatchObject({
      added: ['Send message: Thanks!'],
      removed: [expect.stringMatching(/^Send message: Sorry, our team is busy/)],
      changed: [expect.stringMatching(/^Wait/)],
    });
  });

  it('are unknown when the live document cannot be read', () => {
    expect(draftChanges({ nonsense: true }, live)).toBeUndefined();
  });
});
