import type { FlowDocument, Position } from '@tandem/shared';
import type { Dimensions } from '../store/flowStore';
import type { Box } from './placement';

const fallbackSize: Dimensions = { width: 260, height: 120 };
/** The shape a laid-out flow aims for: about as wide as a screen (16:10). */
const TARGET_RATIO = 1.6;
const ROW_GAP = 120;

/**
 * Left-to-right layered layout of the steps with ELK (loaded on first use). Outputs keep their
 * order top to bottom; notes stay where they are. A long journey is wrapped like text: its layers
 * are cut into bands stacked top to bottom, so the whole flow keeps a screen-like shape that Fit
 * View can show. Returns each step's new top-left position.
 */
export async function layoutFlow(doc: FlowDocument, sizes: ReadonlyMap<string, Dimensions>): Promise<Map<string, Position>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const elk = new ELK();
  const ids = new Set(doc.nodes.map((n) => n.id));
  const graph = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.nodeNode': '40',
      'elk.spacing.componentComponent': '80',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: doc.nodes.map((n) => ({ id: n.id, ...(sizes.get(n.id) ?? fallbackSize) })),
    edges: doc.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const boxes = new Map<string, Box>();
  for (const child of graph.children ?? []) {
    boxes.set(child.id, { x: child.x ?? 0, y: child.y ?? 0, width: child.width ?? fallbackSize.width, height: child.height ?? fallbackSize.height });
  }
  const out = new Map<string, Position>();
  for (const [id, p] of wrapIntoBands(boxes)) out.set(id, { x: Math.round(p.x), y: Math.round(p.y) });
  return out;
}

/**
 * Cuts a left-to-right layout into bands of whole layers (steps sharing a column stay together)
 * and stacks the bands, choosing the number of bands that brings the shape closest to
 * TARGET_RATIO. A layout already that shape is returned as it is.
 */
function wrapIntoBands(boxes: ReadonlyMap<string, Box>): Map<string, Position> {
  const all = [...boxes.entries()];
  const out = new Map<string, Position>(all.map(([id, b]) => [id, { x: b.x, y: b.y }]));
  if (all.length === 0) return out;
  const columns = columnsOf(all.map(([, b]) => b));
  const width = columns.at(-1)!.right - columns[0]!.left;
  const height = Math.max(...all.map(([, b]) => b.y + b.height)) - Math.min(...all.map(([, b]) => b.y));
  const bands = Math.min(columns.length, Math.max(1, Math.round(Math.sqrt(width / (height * TARGET_RATIO)))));
  if (bands === 1) return out;
  // Whole columns per band, each band about width / bands wide.
  const bandOf = new Map<number, number>();
  const share = width / bands;
  let band = 0;
  let bandLeft = columns[0]!.left;
  for (const [i, c] of columns.entries()) {
    if (c.right - bandLeft > share && c.left > bandLeft && band < bands - 1) {
      band++;
      bandLeft = c.left;
    }
    bandOf.set(i, band);
  }
  const members = (b: number) => all.filter(([, box]) => bandOf.get(columnIndex(columns, box)) === b);
  let top = 0;
  for (let b = 0; b <= band; b++) {
    const inBand = members(b);
    if (inBand.length === 0) continue;
    const left = Math.min(...inBand.map(([, box]) => box.x));
    const minY = Math.min(...inBand.map(([, box]) => box.y));
    const maxY = Math.max(...inBand.map(([, box]) => box.y + box.height));
    for (const [id, box] of inBand) out.set(id, { x: box.x - left, y: box.y - minY + top });
    top += maxY - minY + ROW_GAP;
  }
  return out;
}

interface Column {
  left: number;
  right: number;
}

/** The layers of a left-to-right layout: runs of boxes whose horizontal extents overlap. */
function columnsOf(boxes: readonly Box[]): Column[] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const columns: Column[] = [];
  for (const b of sorted) {
    const last = columns.at(-1);
    if (last && b.x < last.right) last.right = Math.max(last.right, b.x + b.width);
    else columns.push({ left: b.x, right: b.x + b.width });
  }
  return columns;
}

function columnIndex(columns: readonly Column[], box: Box): number {
  return columns.findIndex((c) => box.x >= c.left && box.x < c.right);
}
