import { afterEach, describe, expect, it } from 'vitest';
import { definitions } from '@tandem/nodes';
import { smallFlow } from '../../test/fixtures';
import { createFlowStore, type FlowStore } from './flowStore';

function storeWith(now: { t: number } = { t: 0 }): FlowStore {
  const store = createFlowStore(undefined, () => now.t);
  const loaded = store.getState().load(smallFlow());
  if (!loaded.ok) throw new Error(loaded.errors.join('; '));
  return store;
}

const positionOf = (store: FlowStore, id: string) => store.getState().doc.nodes.find((n) => n.id === id)?.position;
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('flow store: history', () => {
  it('undoes and redoes a document change', () => {
    const store = storeWith();
    const before = store.getState().doc;
    store.getState().addNode('wait', { x: 10, y: 20 });
    expect(store.getState().doc.nodes).toHaveLength(5);
    store.getState().undo();
    expect(store.getState().doc).toBe(before);
    store.getState().redo();
    expect(store.getState().doc.nodes).toHaveLength(5);
    expect(store.getState().doc.nodes.at(-1)).toMatchObject({ type: 'wait', position: { x: 10, y: 20 }, data: definitions.wait.defaults });
  });

  it('makes a whole drag one undo step', () => {
    const store = storeWith();
    store.getState().beginDrag();
    for (let i = 1; i <= 10; i++) store.getState().moveElements([{ id: 'ask', position: { x: 300 + i * 5, y: i } }], { dragging: true });
    store.getState().moveElements([{ id: 'ask', position: { x: 360, y: 12 } }], { dragging: false });
    expect(positionOf(store, 'ask')).toEqual({ x: 360, y: 12 });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(positionOf(store, 'ask')).toEqual({ x: 300, y: 0 });
  });

  it('keeps two drags as two undo steps', () => {
    const store = storeWith();
    for (const x of [400, 500]) {
      store.getState().beginDrag();
      store.getState().moveElements([{ id: 'ask', position: { x, y: 0 } }], { dragging: true });
      store.getState().moveElements([{ id: 'ask', position: { x, y: 0 } }], { dragging: false });
    }
    store.getState().undo();
    expect(positionOf(store, 'ask')).toEqual({ x: 400, y: 0 });
  });

  it('coalesces typing in one field within a second, not across fields or pauses', () => {
    const now = { t: 0 };
    const store = storeWith(now);
    const data = (text: string) => ({ message: { kind: 'text', text } });
    for (const [t, text] of [
      [0, 'G'],
      [200, 'Gr'],
      [400, 'Gre'],
    ] as const) {
      now.t = t;
      store.getState().updateNodeData('thanks', data(text), 'data:thanks:message.text');
    }
    now.t = 3_000;
    store.getState().updateNodeData('thanks', data('Great'), 'data:thanks:message.text');
    expect(store.getState().past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().doc.nodes.find((n) => n.id === 'thanks')?.data).toEqual(data('Gre'));
    store.getState().undo();
    expect(store.getState().doc.nodes.find((n) => n.id === 'thanks')?.data).toEqual({ message: { kind: 'text', text: 'Great!' } });
  });

  it('does not re-run the checks for moves (content revision unchanged)', () => {
    const store = storeWith();
    const { contentRevision, revision } = store.getState();
    store.getState().moveElements([{ id: 'ask', position: { x: 1, y: 1 } }]);
    expect(store.getState().revision).toBe(revision + 1);
    expect(store.getState().contentRevision).toBe(contentRevision);
  });
});

describe('flow store: editing', () => {
  it('deleting a node removes the connections to and from it', () => {
    const store = storeWith();
    store.getState().select({ nodes: new Set(['ask']) });
    store.getState().deleteSelection();
    expect(ids(store.getState().doc.nodes)).toEqual(['start', 'thanks', 'done']);
    expect(store.getState().doc.edges).toEqual([]);
  });

  it('deletes selected edges and notes', () => {
    const store = storeWith();
    store.getState().select({ edges: new Set(['e2']), notes: new Set(['n1']) });
    store.getState().deleteSelection();
    expect(ids(store.getState().doc.edges)).toEqual(['e1', 'e3']);
    expect(store.getState().doc.notes).toEqual([]);
  });

  it('connects an output port, one edge per port, never into a trigger', () => {
    const store = storeWith();
    const made = store.getState().connect({ source: 'ask', sourceHandle: 'timeout', target: 'done' });
    expect(made.ok).toBe(true);
    expect(store.getState().doc.edges.at(-1)).toMatchObject({ source: 'ask', sourceHandle: 'timeout', target: 'done' });
    // Re-connecting a used port moves its connection.
    store.getState().connect({ source: 'ask', sourceHandle: 'yes', target: 'done' });
    expect(
      store
        .getState()
        .doc.edges.filter((e) => e.source === 'ask' && e.sourceHandle === 'yes')
        .map((e) => e.target),
    ).toEqual(['done']);
    const refused = store.getState().connect({ source: 'ask', sourceHandle: 'no', target: 'start' });
    expect(refused.ok).toBe(false);
    expect(store.getState().doc.edges.some((e) => e.target === 'start')).toBe(false);
  });

  it('selects everything with selectAll', () => {
    const store = storeWith();
    store.getState().selectAll();
    expect(store.getState().selection.nodes.size).toBe(4);
    expect(store.getState().selection.edges.size).toBe(3);
    expect(store.getState().selection.notes.size).toBe(1);
  });
});

describe('flow store: copy and paste', () => {
  it('pastes a copy with new ids, keeping the connections between copied nodes', () => {
    const store = storeWith();
    store.getState().select({ nodes: new Set(['ask', 'thanks']) });
    const text = store.getState().copySelection()!;
    expect(store.getState().paste(text)).toBe(true);
    const doc = store.getState().doc;
    expect(doc.nodes).toHaveLength(6);
    const [askCopy, thanksCopy] = doc.nodes.slice(4);
    expect(askCopy!.id).not.toBe('ask');
    expect(thanksCopy!.id).not.toBe('thanks');
    expect(askCopy!.data).toEqual(doc.nodes[1]!.data);
    expect(askCopy!.position).toEqual({ x: 340, y: 40 });
    // ask→thanks (inside the copy) is kept; start→ask and ask→done (leaving it) are not.
    const pastedEdges = doc.edges.slice(3);
    expect(pastedEdges).toEqual([{ id: expect.not.stringMatching(/^e2$/), source: askCopy!.id, sourceHandle: 'yes', target: thanksCopy!.id }]);
    expect(new Set([...doc.nodes, ...doc.edges].map((x) => x.id)).size).toBe(doc.nodes.length + doc.edges.length);
    expect(store.getState().selection.nodes).toEqual(new Set([askCopy!.id, thanksCopy!.id]));
  });

  it('pastes into another flow', () => {
    const source = storeWith();
    source.getState().selectAll();
    const text = source.getState().copySelection()!;
    const target = createFlowStore();
    expect(target.getState().paste(text, { at: { x: 1000, y: 1000 } })).toBe(true);
    const doc = target.getState().doc;
    expect(doc.nodes.map((n) => n.type)).toEqual(['trigger-message', 'bot-question', 'send-message', 'end']);
    expect(doc.edges).toHaveLength(3);
    expect(doc.notes).toHaveLength(1);
    expect(Math.min(...doc.nodes.map((n) => n.position.x), ...doc.notes.map((n) => n.position.x))).toBe(1000);
    const nodeIds = new Set(doc.nodes.map((n) => n.id));
    for (const e of doc.edges) expect(nodeIds.has(e.source) && nodeIds.has(e.target)).toBe(true);
  });

  it('pasting twice gives distinct ids; text that is not a Tandem copy is ignored', () => {
    const store = storeWith();
    store.getState().select({ nodes: new Set(['done']) });
    const text = store.getState().copySelection()!;
    store.getState().paste(text);
    store.getState().paste(text);
    expect(new Set(ids(store.getState().doc.nodes)).size).toBe(6);
    expect(store.getState().paste('hello')).toBe(false);
    expect(store.getState().paste('{"nodes": []}')).toBe(false);
  });

  it('duplicates the selection as one undo step', () => {
    const store = storeWith();
    store.getState().select({ nodes: new Set(['thanks']) });
    store.getState().duplicateSelection();
    expect(store.getState().doc.nodes).toHaveLength(5);
    store.getState().undo();
    expect(store.getState().doc.nodes).toHaveLength(4);
  });
});

describe('flow store: loading', () => {
  const wait = definitions.wait;
  const original = { version: wait.version, migrations: wait.migrations };
  afterEach(() => {
    wait.version = original.version;
    wait.migrations = original.migrations;
  });

  it('migrates nodes saved with an older settings version', () => {
    // As if "wait" had moved from { hours } (version 1) to its current shape (version 2).
    wait.version = 2;
    wait.migrations = { 1: (data) => ({ mode: 'duration', duration: { amount: data.hours, unit: 'hours' } }) };
    const store = createFlowStore();
    const result = store.getState().load({
      schemaVersion: 1,
      name: 'Old',
      nodes: [{ id: 'w', type: 'wait', version: 1, position: { x: 0, y: 0 }, data: { hours: 3 } }],
      edges: [],
    });
    expect(result.ok && result.migrated).toEqual(['w']);
    expect(store.getState().doc.nodes[0]).toMatchObject({ version: 2, data: { mode: 'duration', duration: { amount: 3, unit: 'hours' } } });
  });

  it('keeps nodes it cannot migrate and says why', () => {
    const store = createFlowStore();
    const result = store.getState().load({
      schemaVersion: 1,
      name: 'Future',
      nodes: [{ id: 'w', type: 'wait', version: 9, position: { x: 0, y: 0 }, data: {} }],
      edges: [],
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.problems[0]).toMatch(/newer Tandem/);
    expect(store.getState().doc.nodes[0]?.version).toBe(9);
  });

  it('refuses a document the schema rejects and keeps the current one', () => {
    const store = storeWith();
    const before = store.getState().doc;
    const result = store.getState().load({ schemaVersion: 1, name: '', nodes: [], edges: [] });
    expect(result.ok).toBe(false);
    expect(store.getState().doc).toBe(before);
  });

  it('starts a fresh history on load', () => {
    const store = storeWith();
    store.getState().addNode('end', { x: 0, y: 0 });
    store.getState().load(smallFlow());
    expect(store.getState().past).toEqual([]);
  });
});

describe('flow store: adding a step after another', () => {
  it('adds the step connected from the output, as one undo step, and selects it', () => {
    const store = storeWith();
    const id = store.getState().addNodeAfter('wait', { x: 900, y: 0 }, { source: 'thanks', sourceHandle: 'next' });
    expect(store.getState().doc.edges.at(-1)).toMatchObject({ source: 'thanks', sourceHandle: 'next', target: id });
    expect([...store.getState().selection.nodes]).toEqual([id]);
    store.getState().undo();
    expect(store.getState().doc.nodes.some((n) => n.id === id)).toBe(false);
    expect(store.getState().doc.edges.some((e) => e.source === 'thanks')).toBe(false);
  });

  it('inserts the step between when the output already led somewhere', () => {
    const store = storeWith();
    const id = store.getState().addNodeAfter('wait', { x: 600, y: 300 }, { source: 'ask', sourceHandle: 'no' });
    const edges = store.getState().doc.edges.map((e) => `${e.source}.${e.sourceHandle}→${e.target}`);
    expect(edges).toContain(`ask.no→${id}`);
    expect(edges).toContain(`${id}.next→done`);
    expect(edges).not.toContain('ask.no→done');
  });
});
