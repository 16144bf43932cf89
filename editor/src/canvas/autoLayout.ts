import type { FlowDocument, Position } from '@tandem/shared';
import type { Dimensions } from '../store/flowStore';
import type { Box } from './placement';

const fallbackSize: Dimensions = { width: 260, height: 120 };
/** The shape a laid-out flow aims for: about that of the canvas beside the palette and the settings. */
const TARGET_RATIO = 1.3;
const ROW_GAP = 120;
/** A journey up to this wide stays on one row (about six steps: it reads well at a readable zoom). */
const MAX_ROW_WIDTH = 2200;

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
 * and stacks the bands, with the number of bands whose result comes closest to TARGET_RATIO. A
 * layout no wider than MAX_ROW_WIDTH is returned as it is.
 */
function wrapIntoBands(boxes: ReadonlyMap<string, Box>): Map<string, Position> {
  const all = [...boxes.entries()];
  if (all.length === 0) return new Map();
  const columns = columnsOf(all.map(([, b]) => b));
  if (columns.at(-1)!.right - columns[0]!.left <= MAX_ROW_WIDTH) return new Map(all.map(([id, b]) => [id, { x: b.x, y: b.y }]));
  let best: { layout: Map<string, Position>; miss: number } | undefined;
  for (let bands = 1; bands <= columns.length; bands++) {
    const layout = stackBands(all, columns, bands);
    const miss = Math.abs(Math.log(ratioOf(layout, boxes) / TARGET_RATIO));
    if (best && miss > best.miss) break;
    best = { layout, miss };
  }
  return best!.layout;
}

/** The layout cut into `bands` bands of whole columns, each about as wide, stacked top to bottom. */
function stackBands(all: readonly [string, Box][], columns: readonly Column[], bands: number): Map<string, Position> {
  const share = (columns.at(-1)!.right - columns[0]!.left) / bands;
  const bandOfColumn: number[] = [];
  let band = 0;
  let bandLeft = columns[0]!.left;
  for (const c of columns) {
    if (c.right - bandLeft > share && c.left > bandLeft && band < bands - 1) {
      band++;
      bandLeft = c.left;
    }
    bandOfColumn.push(band);
  }
  const out = new Map<string, Position>();
  let top = 0;
  for (let b = 0; b <= band; b++) {
    const inBand = all.filter(([, box]) => bandOfColumn[columnIndex(columns, box)] === b);
    if (inBand.length === 0) continue;
    const left = Math.min(...inBand.map(([, box]) => box.x));
    const minY = Math.min(...inBand.map(([, box]) => box.y));
    const maxY = Math.max(...inBand.map(([, box]) => box.y + box.height));
    for (const [id, box] of inBand) out.set(id, { x: box.x - left, y: box.y - minY + top });
    top += maxY - minY + ROW_GAP;
  }
  return out;
}

/** Width over height of the boxes at their new places. */
function ratioOf(layout: ReadonlyMap<string, Position>, boxes: ReadonlyMap<string, Box>): number {
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [id, p] of layout) {
    const b = boxes.get(id)!;
    left = Math.min(left, p.x);
    top = Math.min(top, p.y);
    right = Math.max(right, p.x + b.width);
    bottom = Math.max(bottom, p.y + b.height);
  }
  return (right - left) / Math.max(1, bottom - top);
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
