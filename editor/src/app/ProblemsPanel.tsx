import { useEffect, useRef, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { ChevronDown, ChevronUp, CircleX, Info, TriangleExclamationPoint } from 'lucide-react';
import { diagnosticCatalog, type Diagnostic } from '@tandem/shared';
import { keyedByContent } from '../shell/contentKeys';
import { useFlowStore } from '../store/useFlow';
import { applyFix } from '../validation/applyFix';
import '../validation/fix.css';
import { useValidation } from '../validation/useValidation';
import { newErrors } from './newErrors';
import './problems.css';

/**
 * Every diagnostic of the live checks; clicking one selects its step and brings it into view. A slim
 * bar with the counts while collapsed or empty; it opens on a click and when a new error appears.
 */
export function ProblemsPanel() {
  const store = useFlowStore();
  const rf = useReactFlow();
  const diagnostics = useValidation((s) => s.diagnostics);
  const pending = useValidation((s) => s.pending);
  const errors = useValidation((s) => s.errorCount);
  const warnings = useValidation((s) => s.warningCount);
  const [open, setOpen] = useState(false);
  const seen = useRef<Set<string>>(undefined);
  // With a server, what its first check finds (a template the workspace lacks) was there when the flow opened, too.
  const server = useValidation((s) => s.server.state);
  const opening = useRef<boolean>(undefined);
  useEffect(() => {
    if (pending) return;
    if (opening.current === undefined && server === 'checking') opening.current = true;
    const next = newErrors(opening.current ? undefined : seen.current, diagnostics);
    if (opening.current && (server === 'done' || server === 'failed')) opening.current = false;
    seen.current = next.seen;
    if (next.fresh > 0) setOpen(true);
  }, [diagnostics, pending, server]);
  const expanded = open && diagnostics.length > 0;
  const [fixed, setFixed] = useState<{ label: string; notes: string[] }>();
  const fix = (d: Diagnostic) => {
    const notes = applyFix(store, d);
    if (notes && d.fix) setFixed({ label: d.fix.label, notes });
  };
  const focus = (d: Diagnostic) => {
    if (!d.nodeId) return;
    const exists = store.getState().doc.nodes.some((n) => n.id === d.nodeId);
    if (!exists) return;
    store.getState().select({ nodes: new Set([d.nodeId]), edges: new Set(), notes: new Set() });
    void rf.fitView({ nodes: [{ id: d.nodeId }], duration: 300, maxZoom: 1.2 });
    requestAnimationFrame(() => revealInSettings(d.path));
  };
  return (
    <section className={`tn-problems${expanded ? ' tn-problems-open' : ''}`} aria-label="Problems" data-testid="problems">
      <h2>
        <button
          type="button"
          className="tn-problems-toggle"
          aria-expanded={expanded}
          disabled={diagnostics.length === 0}
          onClick={() => setOpen(!expanded)}
          data-testid="problems-toggle"
        >
          Problems
          <ProblemCounts pending={pending} total={diagnostics.length} errors={errors} warnings={warnings} />
          {diagnostics.length > 0 && (expanded ? <ChevronDown size={14} aria-hidden /> : <ChevronUp size={14} aria-hidden />)}
        </button>
      </h2>
      {fixed && (
        <div className="tn-fixed" role="status" data-testid="fix-applied">
          <strong>Done: {fixed.label}.</strong>
          <ul>
            {fixed.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => {
              store.getState().undo();
              setFixed(undefined);
            }}
            aria-label={`Undo: ${fixed.label}`}
          >
            Undo
          </button>
          <button type="button" onClick={() => setFixed(undefined)}>
            OK
          </button>
        </div>
      )}
      {expanded && (
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
                {d.fix && (
                  <button type="button" className="tn-fix" onClick={() => fix(d)} data-testid="apply-fix">
                    {d.fix.label}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

/** The bar's summary: "2 errors  1 warning", or "none". */
function ProblemCounts({ pending, total, errors, warnings }: { pending: boolean; total: number; errors: number; warnings: number }) {
  if (total === 0) return <span className="tn-problems-counts tn-muted">{pending ? 'checking…' : 'none'}</span>;
  const others = total - errors - warnings;
  return (
    <span className="tn-problems-counts">
      {errors > 0 && (
        <span className="tn-problems-count tn-error" data-count="errors">
          <CircleX size={13} aria-hidden /> {errors} error{errors === 1 ? '' : 's'}
        </span>
      )}
      {warnings > 0 && (
        <span className="tn-problems-count tn-warning" data-count="warnings">
          <TriangleExclamationPoint size={13} aria-hidden /> {warnings} warning{warnings === 1 ? '' : 's'}
        </span>
      )}
      {others > 0 && (
        <span className="tn-muted">
          {others} note{others === 1 ? '' : 's'}
        </span>
      )}
    </span>
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
