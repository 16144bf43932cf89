import type { FlowDocument } from '@tandem/shared';
import { definitionOf, isNodeType } from '@tandem/nodes';

export interface NewConnection {
  source: string;
  sourceHandle: string;
  target: string;
}

/** Why a connection cannot be made (the same rules the checks enforce), or undefined when it can. */
export function connectionProblem(doc: FlowDocument, c: NewConnection): string | undefined {
  const source = doc.nodes.find((n) => n.id === c.source);
  const target = doc.nodes.find((n) => n.id === c.target);
  if (!source || !target) return 'Connect two steps';
  if (!c.sourceHandle) return 'Start the connection from an output';
  if (isNodeType(target.type) && definitionOf(target.type).category === 'trigger') return 'A trigger starts the flow: nothing can lead into it';
  return undefined;
}
