import { createContext, useContext } from 'react';

/** What a step on the canvas can ask of the canvas around it (node data holds settings only). */
export interface CanvasActions {
  /** Opens the step picker to add a step after this output, next to `anchor` (its "+" button). */
  addAfter(source: string, sourceHandle: string, anchor: Element): void;
  /** Removes one connection (the button on a selected connection). */
  removeConnection(id: string): void;
  /** The outputs of each step that lead somewhere. */
  usedPorts: ReadonlyMap<string, ReadonlySet<string>>;
}

export const CanvasActionsContext = createContext<CanvasActions | null>(null);

/** The canvas's actions; none when the flow cannot be edited. */
export function useCanvasActions(): CanvasActions | null {
  return useContext(CanvasActionsContext);
}
