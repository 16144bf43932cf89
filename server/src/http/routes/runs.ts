import type { Hono } from 'hono';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { cancelRun, listRuns, requestRunStart, runDetail } from '../../services/runs';
import { runView } from '../../services/runView';
import { messageView } from '../../services/messageView';

export function runRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;

  mountRoute(app, ctx, endpoints.listRuns, async ({ params, query }) => ({ runs: (await listRuns(db, params.workspaceId, query)).map(runView) }));

  mountRoute(app, ctx, endpoints.getRun, async ({ params }) => {
    const { run, steps, messages } = await runDetail(db, params.workspaceId, params.id);
    return {
      ...runView(run),
      steps: steps.map((s) => ({ id: s.id, step: s.step, kind: s.kind, nodeId: s.nodeId, port: s.port, detail: s.detail, at: s.at.toISOString() })),
      messages: messages.map(messageView),
    };
  });

  mountRoute(app, ctx, endpoints.cancelRun, async ({ params, caller }) => runView(await cancelRun(db, params.workspaceId, params.id, caller.label)));

  mountRoute(app, ctx, endpoints.startRun, async ({ params, body }) => {
    await requestRunStart(db, params.workspaceId, params.flowId, body.contact, body.payload, body.trigger);
    return { accepted: true as const };
  });
}
