import { useReactFlow } from '@xyflow/react';
import { CircleX, Info, TriangleExclamationPoint } from 'lucide-react';
import { diagnosticCatalog, type Diagnostic } from '@tandem/shared';
import { keyedByContent } from '../shell/contentKeys';
import { useFlowStore } from '../store/useFlow';
import { useValidation } from '../validation/useValidation';

/** Every diagnostic of the live checks; clicking one selects its step and brings it into view. */
export function ProblemsPanel() {
  const store = useFlowStore();
  const rf = useReactFlow();
  const diagnostics = useValidation((s) => s.diagnostics);
  const pending = useValidation((s) => s.pending);
  const focus = (d: Diagnostic) => {
    if (!d.nodeId) return;
    const exists = store.getState().doc.nodes.some((n) => n.id === d.nodeId);
    if (!exists) return;
    store.getState().select({ nodes: new Set([d.nodeId]), edges: new Set(), notes: new Set() });
    void rf.fitView({ nodes: [{ id: d.nodeId }], duration: 300, maxZoom: 1.2 });
    requestAnimationFrame(() => revealInSettings(d.path));
  };
  return (
    <section className="tn-problems" aria-label="Problems">
      <h2>
        Problems <span className="tn-muted">{pending ? 'checking…' : diagnostics.length === 0 ? 'none' : diagnostics.length}</span>
      </h2>
      <ul>
        {keyedByContent(diagnostics).map(({ key, item: d }) => {
          const Icon = d.severity === 'error' ? CircleX : d.severity === 'warning' ? TriangleExclamationPoint : Info;
          return (
            <li key={key} className={`tn-${d.severity}`}>
              <button type="button" onClick={() => focus(d)} disabled={!d.nodeId} data-problem={d.code}>
                <Icon size={14} aria-hidden />
                <strong>{diagnosticCatalog[d.code]?.title ?? d.code}</strong>
                {d.nodeId && <code>{d.nodeId}</code>}
                <span>{d.message}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** Scrolls the settings panel to the field a problem is about, or to its top (where step-wide problems are listed). */
function revealInSettings(path: Diagnostic['path']) {
  const panel = document.querySelector('.tn-inspector');
  const key = path?.join('.');
  const field = key && typeof CSS !== 'undefined' ? panel?.querySelector(`[data-path="${CSS.escape(key)}"]`) : null;
  if (field) void field.scrollIntoView?.({ block: 'center' });
  else panel?.scrollTo?.({ top: 0 });
}
