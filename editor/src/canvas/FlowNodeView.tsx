import { memo, useRef, type ComponentType } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { ShieldCheck, ShieldX, TriangleExclamationPoint } from 'lucide-react';
import type { PortDef } from '@tandem/shared';
import { definitionOf, type NodeType } from '@tandem/nodes';
import { editorOf } from '@tandem/nodes/editor';
import { useValidation } from '../validation/useValidation';
import { iconFor } from './icons';
import { nodeView } from './nodeView';

export type StepNode = Node<Record<string, unknown>>;

/**
 * The canvas component of one node type: frame (icon, label, check badges, window proof), the type's
 * own body from the editors registry, one target handle (none for triggers) and one labelled source
 * handle per output port.
 */
export function makeNodeComponent(type: NodeType): ComponentType<NodeProps<StepNode>> {
  const def = definitionOf(type);
  const { Body } = editorOf(type);
  const Icon = iconFor(def.icon);
  const isTrigger = def.category === 'trigger';

  function StepNodeView({ id, data, selected }: NodeProps<StepNode>) {
    const view = nodeView(def, data);
    const status = useValidation((s) => s.byNode.get(id));
    // Keep the outputs of the last valid settings while a field is half-typed, so connections stay drawn.
    const lastPorts = useRef<PortDef[]>([]);
    if (view.ports) lastPorts.current = view.ports;
    const ports = view.ports ?? lastPorts.current;
    return (
      <div className={`tn-node tn-cat-${def.category}${selected ? ' tn-selected' : ''}${status?.errors ? ' tn-has-errors' : ''}`} data-node-type={type}>
        {!isTrigger && <Handle type="target" position={Position.Left} className="tn-target" />}
        <header className="tn-node-head">
          <Icon size={16} aria-hidden />
          <span className="tn-node-label">{def.label}</span>
          <Badges errors={status?.errors ?? 0} warnings={status?.warnings ?? 0} />
        </header>
        <div className="tn-node-body">
          {view.config !== undefined ? <Body config={view.config} summary={view.summary} /> : <p className="tn-invalid">Settings need attention</p>}
        </div>
        {status?.proof && <WindowBadge status={status.proof} reason={status.proofReason ?? ''} />}
        {ports.length > 0 && (
          <ul className="tn-ports">
            {ports.map((p) => (
              <li key={p.id} className={`tn-port tn-port-${p.kind}`} data-port={p.id}>
                <span>{p.label}</span>
                <Handle type="source" id={p.id} position={Position.Right} className={`tn-source tn-handle-${p.kind}`} />
              </li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  StepNodeView.displayName = `Step(${type})`;
  return memo(StepNodeView);
}

function Badges({ errors, warnings }: { errors: number; warnings: number }) {
  return (
    <span className="tn-badges">
      {errors > 0 && (
        <span className="tn-badge tn-badge-error" title={`${errors} error${errors === 1 ? '' : 's'}`} data-badge="errors">
          {errors}
        </span>
      )}
      {warnings > 0 && (
        <span className="tn-badge tn-badge-warning" title={`${warnings} warning${warnings === 1 ? '' : 's'}`} data-badge="warnings">
          {warnings}
        </span>
      )}
    </span>
  );
}

const proofText = { safe: 'Within 24 h', needs_fallback: 'Needs fallback', unsafe: 'Outside window' } as const;

/** Whether this free-form message is proven to go out inside the 24-hour window. */
function WindowBadge({ status, reason }: { status: keyof typeof proofText; reason: string }) {
  const Icon = status === 'safe' ? ShieldCheck : status === 'needs_fallback' ? TriangleExclamationPoint : ShieldX;
  return (
    <div className={`tn-window tn-window-${status}`} title={reason || proofText[status]} data-window={status}>
      <Icon size={12} aria-hidden /> {proofText[status]}
    </div>
  );
}
