import { z } from 'zod';
import { flowSettingsSchema } from './flowSettings';
import { elementIdSchema, portIdSchema, positionSchema } from './primitives';

export const FLOW_SCHEMA_VERSION = 1;

/** A step on the canvas. `data` holds the node type's config, checked by that type's schema. */
export const flowNodeSchema = z.object({
  id: elementIdSchema,
  type: z.string().min(1).max(64),
  version: z.number().int().positive().default(1),
  position: positionSchema,
  data: z.record(z.string(), z.unknown()).default({}),
});
export type FlowNode = z.infer<typeof flowNodeSchema>;

/** A connection from one output port of a node to another node. */
export const flowEdgeSchema = z.object({
  id: elementIdSchema,
  source: elementIdSchema,
  sourceHandle: portIdSchema,
  target: elementIdSchema,
});
export type FlowEdge = z.infer<typeof flowEdgeSchema>;

/** A sticky note on the canvas; never executed. */
export const flowNoteSchema = z.object({
  id: elementIdSchema,
  position: positionSchema,
  text: z.string().max(2_000),
  width: z.number().positive().max(2_000).optional(),
  height: z.number().positive().max(2_000).optional(),
  color: z.enum(['yellow', 'blue', 'green', 'pink', 'gray']).default('yellow'),
});
export type FlowNote = z.infer<typeof flowNoteSchema>;

/** The journey as the editor draws it and the engine runs it (React Flow's node/edge shape). */
export const flowDocumentSchema = z.object({
  schemaVersion: z.literal(FLOW_SCHEMA_VERSION),
  id: z.string().max(64).optional(),
  name: z.string().trim().min(1, 'Give the flow a name').max(120),
  description: z.string().max(2_000).optional(),
  settings: flowSettingsSchema.prefault({}),
  nodes: z.array(flowNodeSchema).max(10_000),
  edges: z.array(flowEdgeSchema).max(20_000),
  notes: z.array(flowNoteSchema).max(1_000).default([]),
});
export type FlowDocument = z.infer<typeof flowDocumentSchema>;
/** A flow document before defaults are applied (what a file or request may contain). */
export type FlowDocumentInput = z.input<typeof flowDocumentSchema>;
