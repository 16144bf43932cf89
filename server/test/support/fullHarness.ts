import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import type { z } from 'zod';
import type { RouteDef } from '@tandem/shared/api';
import { startCloudApiStandIn } from '@tandem/engine/whatsapp/stand-in';
import { readEnv } from '../../src/config/env';
import { createWebListener } from '../../src/http/webListener';
import { createEngineDeps } from '../../src/engineDeps';
import { SecretBox, generateKey } from '../../src/security/secretBox';
import { advanceClock, createWorkspace } from '../../src/services/workspaces';
import { createFlow, publishFlow } from '../../src/services/flows';
import { startWorker } from '../../src/worker/startWorker';
import { privateNetworksPolicy } from '../../src/worker/privateNetworks';
import { signMetaBody } from '../../src/webhooks';
import { workspaces } from '../../src/db/schema';
import { eq } from 'drizzle-orm';
import { testDatabase } from './testDatabase';
import { startInTheMorning, waitFor } from './engineHarness';

export const PHONE_NUMBER_ID = '106540352242922';
export const WABA_ID = '102290129340398';
const TOKEN = 'full-harness-token-1234';
const APP_SECRET = 'test-app-secret';
export const ADMIN_KEY = 'full-harness-admin-key-0123';

/**
 * The web process's listener on a real port (webhooks are POSTed over HTTP, through the same
 * listener `tandem-server web` serves), a real worker and the Cloud API stand-in on one database:
 * webhooks in, messages out. API calls go to the Hono app directly.
 */
export async function startFullHarness() {
  const db = await testDatabase();
  const standIn = await startCloudApiStandIn({ tokens: { [PHONE_NUMBER_ID]: TOKEN } });
  const secrets = new SecretBox(generateKey());
  const env = readEnv({
    DATABASE_URL: db.url,
    WHATSAPP_APP_SECRET: APP_SECRET,
    WHATSAPP_VERIFY_TOKEN: 'verify-me',
    WHATSAPP_API_BASE_URL: standIn.url,
    TANDEM_ADMIN_KEY: ADMIN_KEY,
    LOG_LEVEL: 'silent',
  });
  const logger = pino({ level: 'silent' });
  const { app, listener } = createWebListener({ database: db, secrets, env, logger, ready: async () => true });
  const web = createServer(listener);
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
  const deps = createEngineDeps(db.pool, secrets, { whatsappApiBaseUrl: standIn.url, whatsappApiVersion: 'v24.0' });
  const runner = await startWorker({ pool: db.pool, deps, tasks: { allowPrivateNetworks: privateNetworksPolicy(db.pool) }, concurrency: 4, pollInterval: 100 });
  const workspaceId = await createWorkspace(db.db, secrets, {
    name: 'Lucky Shrub',
    transport: 'cloud',
    phoneNumberId: PHONE_NUMBER_ID,
    accessToken: TOKEN,
    displayPhoneNumber: '15550783881',
    settings: { pairGapMs: 0 },
  });
  await startInTheMorning(db.db, workspaceId);
  const q = async <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => (await db.pool.query<T>(text, params)).rows;

  return {
    db,
    app,
    webUrl,
    secrets,
    standIn,
    workspaceId,
    q,
    /** POSTs raw bytes to the webhook endpoint, signed (or with the given signature). */
    async postWebhook(raw: Buffer | string, signature?: string) {
      const body = typeof raw === 'string' ? Buffer.from(raw) : raw;
      const res = await fetch(`${webUrl}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature ?? signMetaBody(body, APP_SECRET) },
        body,
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    /** POSTs a business event for a contact, signed with the workspace's hook secret as a shop's backend signs it; expects 202 and waits for the worker. */
    async businessEvent(waId: string, event: string, payload: Record<string, unknown> = {}) {
      const [w] = await db.db.select({ hookSecret: workspaces.hookSecret }).from(workspaces).where(eq(workspaces.id, workspaceId));
      const raw = JSON.stringify({ event, contact: { waId }, payload });
      const signature = createHmac('sha256', secrets.decrypt(w!.hookSecret!)).update(raw).digest('hex');
      const res = await app.request(`/hooks/${workspaceId}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tandem-signature': `sha256=${signature}`, 'idempotency-key': `${event}-${Math.random()}` },
        body: raw,
      });
      if (res.status !== 202) throw new Error(`the event hook answered ${res.status}: ${await res.text()}`);
      await this.idle();
    },
    /** The workspace clock (it runs ahead after `advance`). */
    async now(): Promise<Date> {
      return (await q<{ now: Date }>(`SELECT now() + clock_offset_ms * interval '1 millisecond' AS now FROM workspaces WHERE id = $1`, [workspaceId]))[0]!.now;
    },
    async advance(ms: number) {
      await advanceClock(db.db, workspaceId, ms);
    },
    /** POSTs a signed webhook body, expects Meta's 200, and waits until the worker has applied it. */
    async deliver(body: unknown) {
      const res = await this.postWebhook(JSON.stringify(body));
      if (res.status !== 200) throw new Error(`the webhook answered ${res.status}: ${JSON.stringify(res.json)}`);
      await this.idle();
    },
    /** Moves the workspace clock forward and waits until what came due has run. */
    async elapse(ms: number) {
      await advanceClock(db.db, workspaceId, ms);
      await this.idle();
    },
    /** Accepted message sends, in order, as `to: text-or-template`. */
    wire(): string[] {
      return standIn
        .received()
        .filter((r) => r.response.status === 200 && (r.body as { type?: string }).type)
        .map((r) => {
          const b = r.body as {
            to?: string;
            recipient?: string;
            type: string;
            text?: { body: string };
            template?: { name: string };
            interactive?: { body: { text: string } };
          };
          return `${b.to ?? b.recipient}: ${b.template ? `template ${b.template.name}` : (b.text?.body ?? b.interactive?.body.text ?? b.type)}`;
        });
    },
    async publish(document: Record<string, unknown>) {
      const flowId = await createFlow(db.db, workspaceId, document);
      await publishFlow(db.db, workspaceId, flowId);
      return flowId;
    },
    /**
     * Calls an endpoint with the admin key (in this workspace unless `params` say otherwise),
     * fails on any status but the endpoint's success, and parses the answer by its schema.
     */
    async api<R extends z.ZodType>(
      route: RouteDef<z.ZodType, z.ZodType, z.ZodType, R>,
      params: Record<string, string | number> = {},
      options: { body?: unknown; query?: Record<string, string> } = {},
    ): Promise<z.output<R>> {
      const values: Record<string, string | number> = { workspaceId, ...params };
      const path = route.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(String(values[k])));
      const hasBody = route.method !== 'get' && route.method !== 'delete';
      const res = await app.request(`${path}${options.query ? `?${new URLSearchParams(options.query)}` : ''}`, {
        method: route.method.toUpperCase(),
        headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
        ...(hasBody ? { body: JSON.stringify(options.body ?? {}) } : {}),
      });
      const text = await res.text();
      if (res.status !== (route.status ?? 200)) throw new Error(`${route.method.toUpperCase()} ${path} answered ${res.status}: ${text}`);
      return route.response.parse(JSON.parse(text));
    },
    async idle() {
      await waitFor(
        async () =>
          // A running job has already counted its attempt: a one-attempt job (mark-read, http-request) is running while locked.
          (
            await q<{ n: number }>(
              `SELECT (SELECT count(*)::int FROM graphile_worker._private_jobs WHERE run_at <= now() AND (attempts < max_attempts OR locked_at IS NOT NULL))
              + (SELECT count(*)::int FROM messages WHERE send_after <= now())
              + (SELECT count(*)::int FROM webhook_events WHERE processed_at IS NULL AND next_attempt_at <= now()) AS n`,
            )
          )[0]!.n === 0,
        20_000,
        'the worker',
      );
    },
    async close() {
      await new Promise<void>((resolve) => web.close(() => resolve()));
      await runner.stop();
      await standIn.close();
      await db.drop();
    },
  };
}

export type FullHarness = Awaited<ReturnType<typeof startFullHarness>>;

/** A `messages` webhook body from the test number, with current timestamps. */
export function inboundBody(
  messages: Record<string, unknown>[],
  contacts: Record<string, unknown>[] = [{ profile: { name: 'Sheena Nelson' }, wa_id: '16505551234' }],
) {
  const ts = String(Math.floor(Date.now() / 1000));
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
              contacts,
              messages: messages.map((m) => ({ timestamp: ts, ...m })),
            },
          },
        ],
      },
    ],
  };
}

export function statusBody(statuses: Record<string, unknown>[]) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID }, statuses },
          },
        ],
      },
    ],
  };
}

const metadata = { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID };
const seconds = (at: Date) => String(Math.floor(at.getTime() / 1000));

/** A message a person sent from the WhatsApp Business App (an `smb_message_echoes` webhook). */
export function echoBody(to: string, text: string, at: Date, id = `wamid.echo.${Math.random().toString(36).slice(2)}`) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'smb_message_echoes',
            value: {
              messaging_product: 'whatsapp',
              metadata,
              message_echoes: [{ from: '15550783881', to, id, timestamp: seconds(at), type: 'text', text: { body: text } }],
            },
          },
        ],
      },
    ],
  };
}

/** An inbound message at a given (workspace) time. */
export function inboundAt(from: string, text: string, at: Date, extra: Record<string, unknown> = {}) {
  const body = inboundBody(
    [{ from, id: `wamid.in.${Math.random().toString(36).slice(2)}`, type: 'text', text: { body: text }, ...extra }],
    [{ profile: { name: 'Sheena Nelson' }, wa_id: from }],
  );
  (body.entry[0]!.changes[0]!.value.messages as { timestamp: string }[])[0]!.timestamp = seconds(at);
  return body;
}

/** A `history` chunk: threads of past messages (from the business when `fromBusiness`). */
export function historyBody(
  phase: number,
  chunkOrder: number,
  progress: number,
  threads: { waId: string; messages: { id: string; at: Date; text?: string; fromBusiness: boolean; placeholder?: boolean }[] }[],
) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'history',
            value: {
              messaging_product: 'whatsapp',
              metadata,
              history: [
                {
                  metadata: { phase, chunk_order: chunkOrder, progress },
                  threads: threads.map((t) => ({
                    id: t.waId,
                    messages: t.messages.map((m) => ({
                      from: m.fromBusiness ? '15550783881' : t.waId,
                      ...(m.fromBusiness ? { to: t.waId } : {}),
                      id: m.id,
                      timestamp: seconds(m.at),
                      ...(m.placeholder ? { type: 'media_placeholder' } : { type: 'text', text: { body: m.text ?? '' } }),
                      history_context: { status: 'READ' },
                    })),
                  })),
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

/** A webhook body with one change of `field`, for the test WABA. */
export function changeBody(field: string, value: Record<string, unknown>) {
  return { object: 'whatsapp_business_account', entry: [{ id: WABA_ID, changes: [{ field, value }] }] };
}

/** `user_preferences`: the person stopped or resumed marketing messages in WhatsApp itself. */
export function preferencesBody(waId: string, value: 'stop' | 'resume', at: Date) {
  return changeBody('user_preferences', {
    messaging_product: 'whatsapp',
    metadata,
    contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: waId }],
    user_preferences: [{ wa_id: waId, detail: `User requested to ${value} marketing messages`, category: 'marketing_messages', value, timestamp: seconds(at) }],
  });
}

/** `smb_app_state_sync`: contacts added, edited (`add` again) or removed in the Business App's address book. */
export function contactSyncBody(items: { waId: string; action: 'add' | 'remove'; fullName?: string; firstName?: string; at: Date }[]) {
  return changeBody('smb_app_state_sync', {
    messaging_product: 'whatsapp',
    metadata,
    state_sync: items.map((i) => ({
      type: 'contact',
      contact: { ...(i.fullName ? { full_name: i.fullName } : {}), ...(i.firstName ? { first_name: i.firstName } : {}), phone_number: i.waId },
      action: i.action,
      metadata: { timestamp: seconds(i.at) },
    })),
  });
}

/** `history` when the business turned history sharing off in the App (error 2593109). */
export function historyDeclinedBody() {
  return changeBody('history', {
    messaging_product: 'whatsapp',
    metadata,
    history: [{ errors: [{ code: 2593109, title: 'History sync is turned off by the business from the WhatsApp Business App' }] }],
  });
}

/** The `history` follow-up carrying the content of a `media_placeholder` (same wamid). */
export function historyMediaBody(wamid: string, from: string, at: Date, image: { id: string; caption: string }) {
  return changeBody('history', {
    messaging_product: 'whatsapp',
    metadata,
    messages: [
      {
        from,
        id: wamid,
        timestamp: seconds(at),
        type: 'image',
        image: { ...image, mime_type: 'image/jpeg', sha256: '3f9d94d399fa61c191bc1d4ca71375a035cd9b9f5b1128e1f0963a415c16b0cc' },
      },
    ],
  });
}

/** `account_update` (WABA level, no metadata): PARTNER_REMOVED with its reason, ACCOUNT_RECONNECTED, … */
export function accountUpdateBody(event: string, disconnection?: { reason: string; initiated_by: 'USER' | 'SYSTEM' }) {
  return changeBody('account_update', { phone_number: '15550783881', event, ...(disconnection ? { disconnection_info: disconnection } : {}) });
}

/** `message_template_status_update` (WABA level); the id arrives as a JSON number. */
export function templateStatusBody(t: {
  event: string;
  name: string;
  language: string;
  category: string;
  reason?: string | null;
  otherInfo?: { title: string; description: string };
}) {
  return changeBody('message_template_status_update', {
    event: t.event,
    message_template_id: 1689556908129835,
    message_template_name: t.name,
    message_template_language: t.language,
    reason: t.reason ?? null,
    message_template_category: t.category,
    ...(t.otherInfo ? { other_info: t.otherInfo } : {}),
  });
}

/** `phone_number_quality_update` (WABA level): FLAGGED, UNFLAGGED, a messaging limit change, … */
export function qualityUpdateBody(event: string, currentLimit: string) {
  return changeBody('phone_number_quality_update', { display_phone_number: '15550783881', event, current_limit: currentLimit });
}
