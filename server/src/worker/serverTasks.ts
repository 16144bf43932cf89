import type pg from 'pg';
import type { TaskList } from 'graphile-worker';
import { z } from 'zod';
import type { EngineDeps } from '@tandem/engine/tasks';
import { processWebhook } from '../ingest/processWebhook';
import { applyEvents } from '../ingest/applyEvents';
import { webhookEventSchema } from '../webhooks';
import { runBroadcast } from '../broadcasts/runBroadcast';

/** Tasks that translate the outside world (Meta's webhooks, the clock for broadcasts) into engine events. */
export function serverTasks(pool: pg.Pool, deps: EngineDeps): TaskList {
  return {
    broadcast: async (payload) => runBroadcast(z.object({ broadcastId: z.number().int() }).parse(payload).broadcastId, pool, deps),
    webhook: async (payload) => processWebhook(z.object({ eventId: z.number().int() }).parse(payload).eventId, pool, deps),
    /** Events made by the simulator, applied exactly like a webhook's. */
    'apply-events': async (payload) => {
      const p = z.object({ workspaceId: z.string(), events: z.array(webhookEventSchema) }).parse(payload);
      await applyEvents(p.workspaceId, p.events, pool, deps);
    },
  };
}
