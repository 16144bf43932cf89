/** What an output port means; the editor styles and the checks reason by kind. */
export const portKinds = ['next', 'branch', 'timeout', 'error', 'window_closed', 'invalid', 'missed', 'human_active'] as const;
export type PortKind = (typeof portKinds)[number];

/** One output of a node. An edge leaves a port by its `id` (the edge's `sourceHandle`). */
export interface PortDef {
  id: string;
  label: string;
  kind: PortKind;
  /** Leaving it unconnected is a mistake (a button nobody handles, a trigger going nowhere). */
  required: boolean;
}

export function port(id: string, label: string, kind: PortKind, required = false): PortDef {
  return { id, label, kind, required };
}
