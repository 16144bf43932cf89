import type pg from 'pg';
import type { TaskList } from 'graphile-worker';
import type { EngineDeps } from '@tandem/engine/tasks';
import { drainWebhookInbox } from '../ingest/processWebhook';
import { applyEvents } from '../ingest/applyEvents';
import { runBroadcast } from '../broadcasts/runBroadcast';
import { applyEventsJob, broadcastJob, webhookJob } from './serverJobs';

/** Tasks that translate the outside world (Meta's webhooks, the clock for broadcasts) into engine events. */
export function serverTasks(pool: pg.Pool, deps: EngineDeps): TaskList {
  return Object.fromEntries([
    broadcastJob.handle((p) => runBroadcast(p.broadcastId, pool, deps)),
    webhookJob.handle(async () => {
      await drainWebhookInbox(pool, deps);
    }),
    applyEventsJob.handle((p) => applyEvents(p.workspaceId, p.events, pool, deps)),
  ]);
}
