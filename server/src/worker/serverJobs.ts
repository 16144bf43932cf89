import { z } from 'zod';
import { defineJob } from '@tandem/engine/tasks';
import { webhookEventSchema } from '../webhooks';

/** The server's jobs (serverTasks runs them); the engine's are in engine/src/tasks/jobs.ts. */
/** Webhook bodies are worked from their table now (the inbox); this job, from before it, only drains the inbox once. */
export const webhookJob = defineJob('webhook', z.object({ eventId: z.number().int() }));

/** Keyed: a broadcast has one job, for its next page or its next firing. */
export const broadcastJob = defineJob('broadcast', z.object({ broadcastId: z.number().int() }), { jobKey: { prefix: 'broadcast:', field: 'broadcastId' } });

/** Events made by the simulator, applied exactly like a webhook's. */
export const applyEventsJob = defineJob('apply-events', z.object({ workspaceId: z.string(), events: z.array(webhookEventSchema) }));
