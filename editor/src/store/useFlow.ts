import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { FlowState, FlowStore } from './flowStore';

export const FlowStoreContext = createContext<FlowStore | null>(null);

/** The editor's flow store (from the nearest provider). */
export function useFlowStore(): FlowStore {
  const store = useContext(FlowStoreContext);
  if (!store) throw new Error('useFlowStore needs a FlowStoreContext provider');
  return store;
}

/** Subscribes to part of the flow state; re-renders only when the selected value changes. */
export function useFlow<T>(selector: (state: FlowState) => T): T {
  return useStore(useFlowStore(), selector);
}
