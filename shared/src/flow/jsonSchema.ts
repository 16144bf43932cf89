import { z } from 'zod';
import { flowDocumentSchema } from './flowDocument';

/**
 * JSON Schema (draft 2020-12) of the flow document envelope. Node `data` is left open here;
 * `@tandem/nodes` exports the schema with every node type's settings.
 */
export function flowDocumentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(flowDocumentSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
