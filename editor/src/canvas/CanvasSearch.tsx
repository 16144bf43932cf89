import { forwardRef, useMemo, useState } from 'react';
import { useReactFlow } from '@xyflow/react';
import { ChevronDown, ChevronUp, Search } from 'lucide-react';
import { useFlow, useFlowStore } from '../store/useFlow';
import { canvasBounds, revealBox, stepBox } from './reveal';
import { findSteps } from './stepSearch';

/** Finds steps by name or text; Enter (Shift+Enter) jumps to the next (previous) match and selects it. */
export const CanvasSearch = forwardRef<HTMLInputElement>(function CanvasSearch(_props, ref) {
  const store = useFlowStore();
  const rf = useReactFlow();
  const doc = useFlow((s) => s.doc);
  const [query, setQuery] = useState('');
  const [at, setAt] = useState(-1);
  const matches = useMemo(() => findSteps(doc, query), [doc, query]);

  const go = (index: number) => {
    if (matches.length === 0) return;
    const i = (index + matches.length) % matches.length;
    const id = matches[i]!;
    setAt(i);
    store.getState().select({ nodes: new Set([id]), edges: new Set(), notes: new Set() });
    const box = stepBox(rf, id);
    if (box) revealBox(rf, canvasBounds(), box);
  };

  return (
    <div className="tn-step-search">
      <Search size={14} aria-hidden />
      <input
        ref={ref}
        type="search"
        placeholder="Find a step (Ctrl+F)"
        aria-label="Find a step"
        value={query}
        data-testid="step-search"
        onChange={(e) => {
          setQuery(e.target.value);
          setAt(-1);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            go(e.shiftKey ? at - 1 : at + 1);
          } else if (e.key === 'Escape') {
            setQuery('');
            e.currentTarget.blur();
          }
        }}
      />
      {query.trim() && (
        <>
          <span className="tn-muted" data-testid="step-search-count" aria-live="polite">
            {matches.length === 0 ? 'No match' : at >= 0 ? `${at + 1} of ${matches.length}` : `${matches.length} found`}
          </span>
          <button type="button" className="tn-icon-button" aria-label="Previous match" disabled={matches.length === 0} onClick={() => go(at - 1)}>
            <ChevronUp size={14} />
          </button>
          <button type="button" className="tn-icon-button" aria-label="Next match" disabled={matches.length === 0} onClick={() => go(at + 1)}>
            <ChevronDown size={14} />
          </button>
        </>
      )}
    </div>
  );
});
