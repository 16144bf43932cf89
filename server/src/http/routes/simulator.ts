import type { Hono } from 'hono';
import { endpoints } from '@tandem/shared/api';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { mountRoute } from '../mountRoute';
import { advanceClock } from '../../services/workspaces';
import { workspaceNow } from '../../services/workspaceClock';
import { startDraftTest, stopDraftTest } from '../../services/draftTest';
import { audit } from '../../services/audit';
import { assertSandbox, resetSimulator, simulateEcho, simulateEvent, simulateFlowReply, simulateMessage, simulatorThread } from '../../services/simulator';
import { journeyHolds } from '../../services/journeyHolds';
import { contactView } from '../../services/contactView';
import { messageView } from '../../services/messageView';
import { runView } from '../../services/runView';

export function simulatorRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  const { db } = ctx.database;

  mountRoute(app, ctx, endpoints.simulateMessage, async ({ params, body }) => {
    await assertSandbox(db, params.workspaceId);
    return { wamid: await simulateMessage(db, params.workspaceId, body) };
  });

  mountRoute(app, ctx, endpoints.simulateFlowReply, async ({ params, body }) => {
    await assertSandbox(db, params.workspaceId);
    return { wamid: await simulateFlowReply(db, params.workspaceId, body) };
  });

  mountRoute(app, ctx, endpoints.simulateEcho, async ({ params, body }) => {
    await assertSandbox(db, params.workspaceId);
    return { wamid: await simulateEcho(db, params.workspaceId, body) };
  });

  mountRoute(app, ctx, endpoints.simulateEvent, async ({ params, body }) => {
    await assertSandbox(db, params.workspaceId);
    await simulateEvent(db, params.workspaceId, body);
    return { accepted: true as const };
  });

  mountRoute(app, ctx, endpoints.advanceClock, async ({ params, body }) => {
    await assertSandbox(db, params.workspaceId);
    await advanceClock(db, params.workspaceId, body.advanceMs);
    return { now: (await workspaceNow(db, params.workspaceId)).toISOString() };
  });

  mountRoute(app, ctx, endpoints.simulatorThread, async ({ params, query }) => {
    await assertSandbox(db, params.workspaceId);
    const t = await simulatorThread(db, params.workspaceId, query.waId);
    return {
      contact: t.contact ? contactView(t.contact, t.now, (await journeyHolds(db, [t.contact], t.now)).get(t.contact.id)) : null,
      messages: t.messages.map(messageView),
      run: t.run ? runView(t.run) : null,
      now: t.now.toISOString(),
    };
  });

  mountRoute(app, ctx, endpoints.startDraftTest, async ({ params, body, caller }) => {
    const test = await startDraftTest(db, params.workspaceId, body.flowId, body.waId);
    await audit(db, {
      workspaceId: params.workspaceId,
      actor: caller.label,
      action: 'flow.test_draft',
      target: body.flowId,
      detail: { version: test.version },
    });
    return { version: test.version, createdAt: test.createdAt.toISOString() };
  });

  mountRoute(app, ctx, endpoints.stopDraftTest, async ({ params, body }) => {
    await stopDraftTest(db, params.workspaceId, body.flowId);
    return { ok: true as const };
  });

  mountRoute(app, ctx, endpoints.resetSimulator, async ({ params, body }) => {
    await assertSandbox(db, params.workspaceId);
    await resetSimulator(db, params.workspaceId, body.waId);
    return { ok: true as const };
  });
}
