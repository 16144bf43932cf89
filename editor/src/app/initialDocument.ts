import { localDraft } from '../api/client';
import { loadExample } from './examples';

/**
 * What the editor opens: `?bench=N` a generated N-step flow, `?example=name` an example, else the
 * saved draft, else the abandoned-cart example.
 */
export async function initialDocument(params: URLSearchParams): Promise<unknown> {
  const bench = Number(params.get('bench'));
  if (bench > 0) {
    const { generateFlow } = await import('../../../engine/bench/generateFlow');
    return spreadOnGrid(generateFlow(bench));
  }
  const example = params.get('example');
  if (example) return loadExample(example);
  return localDraft.read() ?? loadExample('abandoned-cart');
}

/** The generator puts every step on one line; lay them on a grid so the canvas shows a realistic density. */
function spreadOnGrid(flow: Record<string, unknown>): Record<string, unknown> {
  const nodes = (flow.nodes as Record<string, unknown>[]).map((n, i) => ({ ...n, position: { x: (i % 25) * 320, y: Math.floor(i / 25) * 220 } }));
  return { ...flow, nodes };
}
