import type { FlowDocument, FlowNode, PortDef } from '@tandem/shared';
import { definitionOf, isNodeType } from '@tandem/nodes';
import { nodeView } from '../canvas/nodeView';

const NAME_LENGTH = 48;

/**
 * A step as a marketer recognises it on the canvas: its type's label with the first part of its
 * summary ("Wait 1 hour", "Send template: cart_reminder (en)"), cut to a short name.
 */
export function stepName(node: FlowNode): string {
  if (!isNodeType(node.type)) return node.id;
  const def = definitionOf(node.type);
  const summary = (nodeView(def, node.data).summary.split(' · ')[0] ?? '').trim();
  const name = !summary ? def.label : summary.toLowerCase().startsWith(def.label.toLowerCase()) ? summary : `${def.label}: ${summary}`;
  return name.length > NAME_LENGTH ? `${name.slice(0, NAME_LENGTH - 1).trimEnd()}…` : name;
}

/** The outputs a step declares for its settings (none when they do not parse). */
export function portsOf(node: FlowNode): PortDef[] {
  if (!isNodeType(node.type)) return [];
  return nodeView(definitionOf(node.type), node.data).ports ?? [];
}

/** An output's label as its step declares it ("Window closed", a button's title); the id when unknown. */
export function portLabel(node: FlowNode | undefined, portId: string): string {
  return (node && portsOf(node).find((p) => p.id === portId)?.label) ?? portId;
}

/** Names of a document's steps and outputs, looked up by id. */
export interface StepWords {
  node(id: string | null | undefined): FlowNode | undefined;
  name(id: string | null | undefined): string;
  port(nodeId: string | null | undefined, portId: string): PortDef | undefined;
  portLabel(nodeId: string | null | undefined, portId: string): string;
}

/** Step and output names of one document (a run's version, or a version in a diff). */
export function stepWords(doc: Pick<FlowDocument, 'nodes'> | undefined): StepWords {
  const byId = new Map((doc?.nodes ?? []).map((n) => [n.id, n]));
  const node = (id: string | null | undefined) => (id ? byId.get(id) : undefined);
  return {
    node,
    name: (id) => {
      const n = node(id);
      return n ? stepName(n) : (id ?? 'the journey');
    },
    port: (nodeId, portId) => {
      const n = node(nodeId);
      return n ? portsOf(n).find((p) => p.id === portId) : undefined;
    },
    portLabel: (nodeId, portId) => portLabel(node(nodeId), portId),
  };
}
