import type { FlowDocument, FlowNode } from '@tandem/shared';
import { definitionOf, isNodeType } from '@tandem/nodes';
import { nodeView } from './nodeView';

/**
 * The steps whose text holds every word of `query` (case-insensitive): step name, id, the summary
 * the canvas shows and any text in its settings (messages, buttons, keywords…). Ordered as a
 * person reads the canvas: left to right, then top to bottom.
 */
export function findSteps(doc: FlowDocument, query: string, textOf: (node: FlowNode) => string = stepText): string[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  return doc.nodes
    .filter((n) => {
      const text = textOf(n).toLowerCase();
      return words.every((w) => text.includes(w));
    })
    .sort((a, b) => a.position.x - b.position.x || a.position.y - b.position.y)
    .map((n) => n.id);
}

/** Everything a person may search a step by. */
function stepText(node: FlowNode): string {
  const parts = [node.id, ...strings(node.data)];
  if (isNodeType(node.type)) {
    const def = definitionOf(node.type);
    parts.push(def.label, nodeView(def, node.data).summary);
  }
  return parts.join('\n');
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}
