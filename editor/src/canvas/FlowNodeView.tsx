import { memo, useMemo, useRef } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { MapPin, Plus, ShieldCheck, ShieldX, TriangleExclamationPoint } from 'lucide-react';
import type { PortDef } from '@tandem/shared';
import { definitionOf, type NodeType } from '@tandem/nodes';
import { editorOf } from '@tandem/nodes/editor';
import { useValidation } from '../validation/useValidation';
import { formatCount, nodeCounts, type NodeCounts } from '../analytics/counts';
import { useOverlay } from './overlayStore';
import { useCanvasActions } from './canvasActions';
import { iconFor } from './icons';
import { nodeView } from './nodeView';

export type StepNode = Node<Record<string, unknown>>;

/**
 * The canvas component of every step type (React Flow passes the node's type): frame (icon, label, check
 * badges, window proof), the type's own body from the editors registry, one target handle (none for
 * triggers) and one labelled source handle per output port.
 */
export const StepNodeView = memo(function StepNodeView({ id, type, data, selected }: NodeProps<StepNode>) {
  const def = definitionOf(type as NodeType);
  const { Body } = editorOf(type as NodeType);
  const Icon = iconFor(def.icon);
  const isTrigger = def.category === 'trigger';
  const view = nodeView(def, data);
  const status = useValidation((s) => s.byNode.get(id));
  const analytics = useOverlay((s) => s.analytics);
  const counts = useMemo(() => (analytics ? nodeCounts(analytics, id) : undefined), [analytics, id]);
  const current = useOverlay((s) => (s.current?.nodeId === id ? s.current : undefined));
  const actions = useCanvasActions();
  const used = actions?.usedPorts.get(id);
  // Keep the outputs of the last valid settings while a field is half-typed, so connections stay drawn.
  const lastPorts = useRef<PortDef[]>([]);
  if (view.ports) lastPorts.current = view.ports;
  const ports = view.ports ?? lastPorts.current;
  const portProblems = useMemo(
    () => new Set((status?.diagnostics ?? []).flatMap((d) => (d.path?.[0] === 'ports' && d.severity === 'error' ? [String(d.path[1])] : []))),
    [status],
  );
  return (
    <div
      className={`tn-node tn-cat-${def.category}${selected ? ' tn-selected' : ''}${status?.errors ? ' tn-has-errors' : ''}${current ? ' tn-current' : ''}`}
      data-node-type={type}
      {...(current ? { 'data-current': current.active ? 'active' : 'ended' } : {})}
    >
      {!isTrigger && <Handle type="target" position={Position.Left} className="tn-target" />}
      <header className="tn-node-head">
        <Icon size={16} aria-hidden />
        <span className="tn-node-label">{def.label}</span>
        <Badges errors={status?.errors ?? 0} warnings={status?.warnings ?? 0} />
      </header>
      <div className="tn-node-body">
        {view.config !== undefined ? <Body config={view.config} summary={view.summary} /> : <p className="tn-invalid">Settings need attention</p>}
      </div>
      {current && <CurrentBadge active={current.active} waitingFor={current.waitingFor} />}
      {counts && <CountsBar counts={counts} />}
      {status?.proof && <WindowBadge status={status.proof} reason={status.proofReason ?? ''} />}
      {ports.length > 0 && (
        <ul className="tn-ports">
          {ports.map((p) => (
            <li key={p.id} className={`tn-port tn-port-${p.kind}${portProblems.has(p.id) ? ' tn-port-problem' : ''}`} data-port={p.id}>
              <span>{p.label}</span>
              {counts && (
                <span className="tn-port-count" data-port-count={p.id}>
                  {formatCount(counts.ports[p.id] ?? 0)}
                </span>
              )}
              <Handle type="source" id={p.id} position={Position.Right} className={`tn-source tn-handle-${p.kind}`} />
              {actions && (
                <button
                  type="button"
                  className={`tn-port-add nodrag nopan${used?.has(p.id) ? ' tn-port-used' : ''}`}
                  title={ports.length > 1 ? `Add a step after “${p.label}”` : 'Add the next step'}
                  aria-label={ports.length > 1 ? `Add a step after ${p.label}` : 'Add the next step'}
                  data-add-after={p.id}
                  onClick={(e) => {
                    e.stopPropagation();
                    actions.addAfter(id, p.id, e.currentTarget);
                  }}
                >
                  <Plus size={12} aria-hidden />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

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

const waitingText: Record<string, string> = {
  reply: 'waiting for a reply',
  timer: 'waiting for time to pass',
  event: 'waiting for an event',
  handoff: 'waiting for a person',
  send: 'sending',
  http: 'calling a web service',
};

/** Where the simulator's test contact is. */
function CurrentBadge({ active, waitingFor }: { active: boolean; waitingFor: string | null }) {
  const text = active ? `Test contact here${waitingFor ? `, ${waitingText[waitingFor] ?? `waiting (${waitingFor})`}` : ''}` : 'Journey ended here';
  return (
    <div className="tn-current-badge" data-testid="current-node">
      <MapPin size={12} aria-hidden /> {text}
    </div>
  );
}

/** Analytics of this step: how many entered, are waiting in it now, and left it. */
function CountsBar({ counts }: { counts: NodeCounts }) {
  return (
    <div className="tn-counts" data-testid="node-analytics" data-entered={counts.entered} data-waiting={counts.waiting}>
      <span title="Runs that entered this step">
        <strong>{formatCount(counts.entered)}</strong> entered
      </span>
      <span title="Runs in this step right now">
        <strong>{formatCount(counts.waiting)}</strong> here now
      </span>
      <span title="Runs that left this step by any output">
        <strong>{formatCount(counts.left)}</strong> left
      </span>
    </div>
  );
}
