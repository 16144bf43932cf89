import { z } from 'zod';

/** A field of a WhatsApp Flow screen, as the checker and the simulator's form need it. */
export const waFlowFieldSchema = z.object({
  /** The key the field's value has in the reply's `response_json`. */
  name: z.string().min(1),
  label: z.string().default(''),
  /** What the person enters: the simulator picks its input from this. */
  type: z.enum(['text', 'number', 'email', 'phone', 'date', 'choice', 'multi_choice', 'boolean']).default('text'),
  required: z.boolean().default(false),
  /** The choices of a dropdown, radio, checkbox group or opt-in. */
  options: z.array(z.object({ id: z.string(), title: z.string() })).default([]),
});
export type WaFlowField = z.infer<typeof waFlowFieldSchema>;

/**
 * What Tandem keeps of a WhatsApp Flow (Meta's forms in the chat), synced from the WABA like
 * templates: enough to pick it, check a step that sends it, and fill it in the simulator.
 */
export const waFlowInfoSchema = z.object({
  /** Meta's Flow id. */
  id: z.string().min(1),
  name: z.string(),
  /** DRAFT, PUBLISHED, DEPRECATED, BLOCKED or THROTTLED; only PUBLISHED Flows reach customers. */
  status: z.string().default('PUBLISHED'),
  categories: z.array(z.string()).default([]),
  /** The Flow's screens in order; the first is where a "navigate" Flow opens. */
  screens: z.array(z.object({ id: z.string(), title: z.string().default(''), fields: z.array(waFlowFieldSchema).default([]) })).default([]),
});
export type WaFlowInfo = z.infer<typeof waFlowInfoSchema>;
