import { describe, expect, it } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { useLoad } from './useLoad';

/** A load whose answers the test releases one by one, in any order. */
function controlledLoads() {
  const pending: ((value: string) => void)[] = [];
  const load = () => new Promise<string>((resolve) => pending.push(resolve));
  return { load, pending };
}

describe('useLoad', () => {
  it('keeps the newest answer when an older load finishes after it', async () => {
    const { load, pending } = controlledLoads();
    const { result } = renderHook(() => useLoad(load, 'k'));
    await waitFor(() => expect(pending).toHaveLength(1));
    // A poll's load (started before a change) is still on its way when the view reloads after the change.
    let reloaded!: Promise<void>;
    act(() => {
      reloaded = result.current.reload();
    });
    expect(pending).toHaveLength(2);
    await act(async () => {
      pending[1]!('after the change');
      await reloaded;
    });
    expect(result.current.data).toBe('after the change');
    await act(async () => pending[0]!('before the change'));
    expect(result.current.data).toBe('after the change');
    expect(result.current.loading).toBe(false);
  });

  it('shows answers that arrive in order', async () => {
    const { load, pending } = controlledLoads();
    const { result } = renderHook(() => useLoad(load, 'k'));
    await waitFor(() => expect(pending).toHaveLength(1));
    await act(async () => pending[0]!('first'));
    expect(result.current.data).toBe('first');
    let reloaded!: Promise<void>;
    act(() => {
      reloaded = result.current.reload();
    });
    await act(async () => {
      pending[1]!('second');
      await reloaded;
    });
    expect(result.current.data).toBe('second');
  });
});
