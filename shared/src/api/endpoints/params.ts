import { z } from 'zod';

/** Path and query parameters most endpoints share. */
export const ws = z.object({ workspaceId: z.string() });
export const wsFlow = ws.extend({ flowId: z.string() });
export const wsId = ws.extend({ id: z.coerce.number().int().positive() });
export const ok = z.object({ ok: z.literal(true) });
export const page = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50), offset: z.coerce.number().int().min(0).default(0) });
