import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { issuesFromZod } from '@tandem/shared';
import { eventNameSchema } from '@tandem/nodes';
import { contactRefSchema } from '@tandem/shared/api';
import { businessEventJob } from '@tandem/engine/tasks';
import type { AppContext } from '../appContext';
import type { AppEnv } from '../app';
import { HttpError, notFound } from '../errors';
import { workspaces } from '../../db/schema';
import { verifyHandshake, verifyMetaSignature } from '../../webhooks';
import { addJobSql } from '../../store/enqueue';
import type { InboxWriter } from '../../store/inboxWriter';

const businessEventSchema = z.object({
  event: eventNameSchema,
  contact: contactRefSchema,
  payload: z.record(z.string(), z.unknown()).default({}),
});

/**
 * Meta's webhook and the business event hooks. Each POST is verified on its raw bytes, stored
 * once (deduplicated; Meta's bodies in the inbox, an event with its job), and only then acknowledged;
 * everything else happens in the worker.
 */
export function webhookRoutes(app: Hono<AppEnv>, ctx: AppContext, inbox: InboxWriter): void {
  const { pool } = ctx.database;

  app.get('/webhooks/whatsapp', (c) => {
    const q = new URL(c.req.url).searchParams;
    const expected = ctx.env.WHATSAPP_VERIFY_TOKEN;
    if (!expected) throw new HttpError(503, 'not_configured', 'Set WHATSAPP_VERIFY_TOKEN to verify the webhook');
    const result = verifyHandshake({ mode: q.get('hub.mode'), token: q.get('hub.verify_token'), challenge: q.get('hub.challenge') }, expected);
    if (!result.ok) return c.json({ error: { code: 'verification_failed', message: result.reason } }, result.status);
    return c.text(result.challenge, 200);
  });

  app.post('/webhooks/whatsapp', async (c) => {
    const raw = Buffer.from(await c.req.arrayBuffer());
    return c.json(await acceptWhatsAppWebhook(ctx, inbox, raw, c.req.header('x-hub-signature-256')), 200);
  });

  app.post('/hooks/:workspaceId/events', async (c) => {
    const workspaceId = c.req.param('workspaceId');
    const [w] = await ctx.database.db.select({ id: workspaces.id, hookSecret: workspaces.hookSecret }).from(workspaces).where(eq(workspaces.id, workspaceId));
    if (!w?.hookSecret) throw notFound('Workspace');
    const raw = Buffer.from(await c.req.arrayBuffer());
    const signature = /^sha256=([0-9a-f]{64})$/.exec(c.req.header('x-tandem-signature') ?? '')?.[1];
    const expected = createHmac('sha256', ctx.secrets.decrypt(w.hookSecret)).update(raw).digest();
    if (!signature || !timingSafeEqual(Buffer.from(signature, 'hex'), expected)) {
      throw new HttpError(401, 'invalid_signature', 'X-Tandem-Signature must be sha256=<hex HMAC-SHA256 of the raw body with the workspace hook secret>');
    }
    const key = c.req.header('idempotency-key');
    if (!key || key.length > 200)
      throw new HttpError(422, 'idempotency_key_required', 'Send an Idempotency-Key header (up to 200 characters) so retries are recognised');
    if (!(c.req.header('content-type') ?? '').startsWith('application/json'))
      throw new HttpError(415, 'unsupported_media_type', 'Send JSON with Content-Type: application/json');
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
    }
    const parsed = businessEventSchema.safeParse(json);
    if (!parsed.success) return c.json({ error: { code: 'invalid_input', message: 'The event is invalid', issues: issuesFromZod(parsed.error.issues) } }, 400);
    const { event, contact, payload } = parsed.data;
    const stored = await pool.query<{ id: number }>(
      `WITH e AS (
         INSERT INTO business_events (workspace_id, idempotency_key, name, body) VALUES ($1, $2, $3, $4)
         ON CONFLICT (workspace_id, idempotency_key) DO NOTHING RETURNING id
       )
       SELECT e.id, ${addJobSql(businessEventJob, { workspaceId: '$1::text', contact: '$5::json', name: '$3::text', payload: '$6::json' })} FROM e`,
      [workspaceId, key, event, parsed.data, JSON.stringify(contact), JSON.stringify(payload)],
    );
    return c.json({ accepted: true, duplicate: stored.rowCount === 0 }, 202);
  });
}

/**
 * One POST of Meta's webhook: verified on its raw bytes, checked to be JSON, stored once in the
 * inbox (deduplicated by SHA-256) and only then acknowledged. Failures throw `HttpError`s. Shared
 * by the Hono route and the web process's direct listener for this endpoint (webListener.ts).
 */
export async function acceptWhatsAppWebhook(
  ctx: Pick<AppContext, 'env'>,
  inbox: InboxWriter,
  raw: Buffer,
  signature: string | undefined,
): Promise<{ received: true; duplicate: boolean }> {
  const secret = ctx.env.WHATSAPP_APP_SECRET;
  if (!secret) throw new HttpError(503, 'not_configured', 'Set WHATSAPP_APP_SECRET to receive webhooks');
  if (!verifyMetaSignature(raw, signature, secret)) {
    throw new HttpError(401, 'invalid_signature', 'X-Hub-Signature-256 does not match the body');
  }
  const text = raw.toString('utf8');
  try {
    JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The body is not valid JSON');
  }
  const { duplicate } = await inbox.store(createHash('sha256').update(raw).digest(), text);
  return { received: true, duplicate };
}
