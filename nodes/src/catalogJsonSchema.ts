import { z } from 'zod';
import { flowDocumentJsonSchema } from '@tandem/shared';
import { definitionOf, nodeTypes } from './definitions';

/**
 * JSON Schema of a flow document with each node type's settings: `nodes[].data` is checked
 * against the schema of the node's `type`. Used by editors and external tooling.
 */
export function flowJsonSchema(): Record<string, unknown> {
  const base = flowDocumentJsonSchema() as { properties: Record<string, { items: Record<string, unknown> }> } & Record<string, unknown>;
  const nodeItem = base.properties.nodes!.items as { properties: Record<string, unknown> } & Record<string, unknown>;
  const perType = nodeTypes.map((type) => {
    const def = definitionOf(type);
    const { $schema: _drop, ...data } = z.toJSONSchema(def.config, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    return {
      title: def.label,
      description: def.description,
      properties: { type: { const: type }, version: { type: 'integer', minimum: 1, maximum: def.version }, data },
    };
  });
  return {
    ...base,
    $id: 'https://tandem.dev/schemas/flow-document.json',
    title: 'Tandem flow document',
    properties: {
      ...base.properties,
      nodes: { ...base.properties.nodes, items: { ...nodeItem, properties: { ...nodeItem.properties, type: { enum: nodeTypes } }, oneOf: perType } },
    },
  };
}
