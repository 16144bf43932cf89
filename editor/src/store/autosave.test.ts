import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument } from '@tandem/shared';
import { smallFlow } from '../../test/fixtures';
import { startAutosave } from './autosave';
import { createFlowStore } from './flowStore';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves once, a while after the last of several changes', async () => {
    const store = createFlowStore();
    store.getState().load(smallFlow());
    const saved: FlowDocument[] = [];
    const stop = startAutosave(store, { save: async (doc) => void saved.push(doc) }, 500);
    store.getState().addNode('end', { x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(300);
    store.getState().addNode('end', { x: 0, y: 50 });
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(300);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.nodes).toHaveLength(6);
    expect(store.getState().saveStatus.state).toBe('saved');
    stop();
  });

  it('does not save a document the server schema rejects', async () => {
    const store = createFlowStore();
    store.getState().load(smallFlow());
    const save = vi.fn(async () => undefined);
    startAutosave(store, { save }, 100);
    store.getState().updateMeta({ name: '' });
    await vi.advanceTimersByTimeAsync(200);
    expect(save).not.toHaveBeenCalled();
    expect(store.getState().saveStatus).toMatchObject({ state: 'invalid', message: expect.stringMatching(/name/) });
  });

  it('reports a failed save', async () => {
    const store = createFlowStore();
    startAutosave(store, { save: () => Promise.reject(new Error('offline')) }, 100);
    store.getState().addNote({ x: 0, y: 0 });
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getState().saveStatus).toEqual({ state: 'error', message: 'offline' });
  });
});
