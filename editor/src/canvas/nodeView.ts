import type { PortDef } from '@tandem/shared';
import { parseNodeConfig, type NodeDefinition } from '@tandem/nodes';

/** What the canvas draws for a node's settings: parsed config, output ports and summary. */
export interface NodeView {
  config?: unknown;
  ports?: PortDef[];
  summary: string;
}

const cache = new WeakMap<NodeDefinition, WeakMap<object, NodeView>>();

/** Parses once per settings object (dragging keeps the object, so nothing is re-parsed). */
export function nodeView(def: NodeDefinition, data: Record<string, unknown>): NodeView {
  let byData = cache.get(def);
  if (!byData) {
    byData = new WeakMap();
    cache.set(def, byData);
  }
  const hit = byData.get(data);
  if (hit) return hit;
  const parsed = parseNodeConfig(def, data);
  const view: NodeView = parsed.ok
    ? { config: parsed.config, ports: safe(() => def.ports(parsed.config)), summary: safe(() => def.summary(parsed.config)) ?? '' }
    : { summary: '' };
  byData.set(data, view);
  return view;
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
