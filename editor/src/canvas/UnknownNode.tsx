import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import type { StepNode } from './FlowNodeView';

/** A step whose type this editor does not know (from a newer Tandem, or a typo in the JSON). */
export const UnknownNode = memo(function UnknownNode({ id }: NodeProps<StepNode>) {
  return (
    <div className="tn-node tn-has-errors">
      <Handle type="target" position={Position.Left} />
      <header className="tn-node-head">
        <span className="tn-node-label">Unknown step</span>
      </header>
      <div className="tn-node-body">
        <p className="tn-invalid">{id}: this editor does not know its type</p>
      </div>
    </div>
  );
});
