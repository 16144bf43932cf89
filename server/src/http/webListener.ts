import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { AppContext } from './appContext';
import { WEBHOOK_MAX_BYTES, createApp, type AppEnv } from './app';
import { errorPayload, payloadTooLarge } from './errors';
import { acceptWhatsAppWebhook } from './routes/webhooks';
import { InboxWriter } from '../store/inboxWriter';

export type WebListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The web process's request listener: every request goes to the Hono app, except Meta's webhook
 * POSTs. Those are the one endpoint called at Meta's rate (a status per send, three per message),
 * so they are answered straight from Node's request, without building a WHATWG Request and
 * Response and running the app's middleware: the same checks, the same store and the same answers
 * as the app's route (`acceptWhatsAppWebhook`), the same request id and request log.
 */
export function createWebListener(ctx: AppContext): { app: Hono<AppEnv>; listener: WebListener } {
  const inbox = new InboxWriter(ctx.database.pool);
  const app = createApp(ctx, inbox);
  const viaApp = getRequestListener(app.fetch);
  const listener: WebListener = (req, res) => {
    if (req.method === 'POST' && req.url === '/webhooks/whatsapp') void receiveWebhook(ctx, inbox, req, res);
    else void viaApp(req, res);
  };
  return { app, listener };
}

async function receiveWebhook(ctx: AppContext, inbox: InboxWriter, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = performance.now();
  const header = req.headers['x-request-id'];
  const requestId = typeof header === 'string' && /^[\w-]{8,64}$/.test(header) ? header : randomUUID();
  let status: number;
  let body: unknown;
  try {
    const raw = await readBody(req, WEBHOOK_MAX_BYTES);
    const signature = req.headers['x-hub-signature-256'];
    body = await acceptWhatsAppWebhook(ctx, inbox, raw, typeof signature === 'string' ? signature : undefined);
    status = 200;
  } catch (error) {
    ({ status, body } = errorPayload(error, (fields, message) => ctx.logger.error({ requestId, ...fields }, message)));
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': requestId });
  res.end(text);
  if (ctx.logger.isLevelEnabled('info')) {
    ctx.logger.info({ requestId, method: 'POST', path: '/webhooks/whatsapp', status, ms: Math.round(performance.now() - started) }, 'request');
  }
}

/** The request's bytes; a body over `limit` is refused with 413 (and the rest of it not read). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit) {
    req.resume();
    return Promise.reject(payloadTooLarge(limit));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(payloadTooLarge(limit));
      } else chunks.push(chunk);
    });
    // node-name-ok: the request stream's 'end' event, not the end step
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}
