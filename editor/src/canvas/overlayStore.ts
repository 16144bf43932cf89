import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AnalyticsView } from '../workspace/types';

/** What is drawn over the canvas without being part of the document. */
export interface OverlayState {
  /** The step the simulator's test contact is at, and whether the run is still there. */
  current: { nodeId: string; active: boolean; waitingFor: string | null } | undefined;
  /** Counts per step and output, shown on nodes and connections. */
  analytics: AnalyticsView | undefined;
}

export type OverlayStore = StoreApi<OverlayState>;

export function createOverlayStore(): OverlayStore {
  return createStore<OverlayState>()(() => ({ current: undefined, analytics: undefined }));
}

const idle = createOverlayStore();
export const OverlayStoreContext = createContext<OverlayStore>(idle);

export function useOverlayStore(): OverlayStore {
  return useContext(OverlayStoreContext);
}

export function useOverlay<T>(selector: (s: OverlayState) => T): T {
  return useStore(useOverlayStore(), selector);
}
