import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { nodeTypes as stepTypes } from '@tandem/nodes';
import { StepNodeView } from './FlowNodeView';
import { NoteNode } from './NoteNode';
import { StepEdge } from './StepEdge';
import { UnknownNode } from './UnknownNode';

/** Built once, at module scope: React Flow re-mounts every node when this object changes. */
export const canvasNodeTypes: NodeTypes = {
  ...Object.fromEntries(stepTypes.map((t) => [t, StepNodeView])),
  note: NoteNode,
  unknown: UnknownNode,
};

/** Every connection is drawn by StepEdge (module scope, like the node types). */
export const canvasEdgeTypes: EdgeTypes = { connection: StepEdge };
