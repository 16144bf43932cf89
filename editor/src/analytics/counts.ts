import type { FlowEdge } from '@tandem/shared';
import type { AnalyticsView, NodeStats } from '../workspace/types';

/** What a step's analytics badge shows. */
export interface NodeCounts {
  entered: number;
  waiting: number;
  /** Left by any output. */
  left: number;
  /** Left per output port id. */
  ports: Record<string, number>;
}

/** The counts of one step; a step no run reached has zeros (it may be new in the draft). */
export function nodeCounts(analytics: AnalyticsView, nodeId: string): NodeCounts {
  const stats: NodeStats | undefined = analytics.nodes[nodeId];
  if (!stats) return { entered: 0, waiting: 0, left: 0, ports: {} };
  const left = Object.values(stats.ports).reduce((sum, n) => sum + n, 0);
  return { entered: stats.entered, waiting: stats.waiting, left, ports: stats.ports };
}

/** How many runs went along a connection: those that left its source by its output. */
export function edgeCount(analytics: AnalyticsView, edge: Pick<FlowEdge, 'source' | 'sourceHandle'>): number {
  return analytics.nodes[edge.source]?.ports[edge.sourceHandle] ?? 0;
}

/** React Flow edges labelled with the runs that went along each (the canvas with analytics shown). */
export function labelEdges<E extends { source: string; sourceHandle?: string | null; className?: string }>(
  edges: readonly E[],
  analytics: AnalyticsView,
): (E & { label: string })[] {
  return edges.map((e) => ({
    ...e,
    label: formatCount(edgeCount(analytics, { source: e.source, sourceHandle: e.sourceHandle ?? '' })),
    className: `${e.className ?? ''} tn-edge-counted`.trim(),
  }));
}

/** Share of a step's entries that left by an output, as a whole percentage ("" when nobody entered). */
export function portShare(counts: NodeCounts, portId: string): string {
  if (counts.entered === 0) return '';
  return `${Math.round(((counts.ports[portId] ?? 0) / counts.entered) * 100)}%`;
}

/** 1234 → "1,234"; 12345 → "12.3k"; for tight badges. */
export function formatCount(n: number): string {
  if (n < 10_000) return n.toLocaleString('en-US');
  if (n < 1_000_000) return `${(n / 1000).toFixed(n < 100_000 ? 1 : 0)}k`;
  return `${(n / 1_000_000).toFixed(1)}M`;
}
