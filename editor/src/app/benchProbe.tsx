import { useEffect, useRef } from 'react';
import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useValidation } from '../validation/useValidation';
import { useFlow } from '../store/useFlow';

interface BenchReport {
  nodes: number;
  edges: number;
  /** From navigation start until every node is rendered and measured. */
  renderedMs: number;
  /** From navigation start until the checks have run too (the editor is fully interactive). */
  interactiveMs: number;
  validateMs: number;
  /** Pans the viewport for `frames` animation frames (at `zoom`, default the current one) and reports frame times. */
  pan(frames: number, zoom?: number): Promise<{ frames: number; meanMs: number; p95Ms: number; maxMs: number }>;
}

declare global {
  interface Window {
    __tandemBench?: BenchReport;
  }
}

/** Load benchmark (`?bench=500`): records load-to-interactive time and offers a pan test on `window.__tandemBench`. */
export function BenchProbe() {
  const initialized = useNodesInitialized();
  const pending = useValidation((s) => s.pending);
  const validateMs = useValidation((s) => s.lastRunMs);
  const nodes = useFlow((s) => s.doc.nodes.length);
  const edges = useFlow((s) => s.doc.edges.length);
  const rf = useReactFlow();
  const rendered = useRef<number>(undefined);
  useEffect(() => {
    if (initialized && rendered.current === undefined) rendered.current = performance.now();
    if (!initialized || pending || window.__tandemBench) return;
    const renderedMs = rendered.current ?? performance.now();
    window.__tandemBench = {
      nodes,
      edges,
      renderedMs: Math.round(renderedMs),
      interactiveMs: Math.round(performance.now()),
      validateMs: Math.round(validateMs),
      pan: (frames, zoom) =>
        new Promise((resolve) => {
          const start = { ...rf.getViewport(), ...(zoom ? { zoom } : {}) };
          const times: number[] = [];
          let last = performance.now();
          let i = 0;
          const step = () => {
            const now = performance.now();
            if (i > 0) times.push(now - last);
            last = now;
            if (i++ >= frames) {
              times.sort((a, b) => a - b);
              const mean = times.reduce((s, t) => s + t, 0) / times.length;
              resolve({
                frames: times.length,
                meanMs: round(mean),
                p95Ms: round(times[Math.floor(times.length * 0.95)] ?? 0),
                maxMs: round(times.at(-1) ?? 0),
              });
              return;
            }
            void rf.setViewport({ x: start.x - i * 12, y: start.y - i * 4, zoom: start.zoom });
            requestAnimationFrame(step);
          };
          requestAnimationFrame(step);
        }),
    };
  }, [initialized, pending, nodes, edges, validateMs, rf]);
  return null;
}

const round = (n: number) => Math.round(n * 10) / 10;
