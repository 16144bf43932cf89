import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { checkRequestBody } from './checkRequestBody';
import { makeWamid } from './makeWamid';
import { metaError, type MetaErrorReply } from './metaError';
import { listTemplates } from './listTemplates';
import { serveFlows, type StandInFlow } from './serveFlows';
import { servePhoneNumber, type StandInPhoneNumber } from './servePhoneNumber';
import { serveConversions } from './serveConversions';
import { checkToken } from './checkToken';

export type RecordedRequest = {
  method: string;
  path: string;
  /** The phone number id from a `/<version>/<id>/messages` path; null for other paths. */
  phoneNumberId: string | null;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  body: unknown;
  /** Arrival time in ms on this process's `performance.now()` clock. */
  receivedAt: number;
  /** The client's TCP port: requests over one kept-alive connection share it. */
  remotePort: number | undefined;
  response: { status: number; body: unknown };
};

export type FailNextOptions = {
  /** How many matching requests fail (message sends, read receipts and phone number reads); default 1. */
  times?: number;
  /** Overrides the HTTP status Meta uses for the code. */
  httpStatus?: number;
  /** Fail only sends to this recipient (E.164, or the BSUID of a `recipient` send). */
  to?: string;
  /** Fail Conversions API requests (`/<dataset>/events`) instead of the others. */
  conversions?: boolean;
};

export type CloudApiStandIn = {
  url: string;
  received(): RecordedRequest[];
  /** How many message sends were accepted so far (cheap: no copy of the records). */
  acceptedCount(): number;
  failNext(code: number, options?: FailNextOptions): void;
  setLatency(ms: number): void;
  /**
   * Answers sends to this recipient (E.164, or a BSUID) only once `release` is called: WhatsApp
   * taking its time with one request. The request is recorded (and decided) when it arrives.
   */
  holdAnswersTo(to: string): { release(): void };
  /** Messages per sliding second before answering 130429; null lifts the limit. */
  setRateLimit(maxPerSecond: number | null): void;
  /** The templates `GET /<version>/<waba-id>/message_templates` lists for a WhatsApp Business Account, in Meta's shape. */
  setTemplates(wabaId: string, templates: Record<string, unknown>[]): void;
  /** The WhatsApp Flows `GET /<version>/<waba-id>/flows` lists for an account; `/<flow-id>/assets` serves their JSON. */
  setFlows(wabaId: string, flows: StandInFlow[]): void;
  /** What `GET /<version>/<phone-number-id>` answers about a number (its name, display number, quality). */
  setPhoneNumber(phoneNumberId: string, info: StandInPhoneNumber): void;
  /** Forgets recorded requests, pending failures, latency and rate limit (templates and Flows stay). */
  reset(): void;
  close(): Promise<void>;
};

export type CloudApiStandInOptions = {
  /** Default 0: any free port. */
  port?: number;
  /** phone number id → the only access token it accepts. Without it, any bearer token is accepted. */
  tokens?: Record<string, string>;
  /** WABA id → its templates in Meta's shape, listed by `GET /<version>/<waba-id>/message_templates`. */
  templates?: Record<string, Record<string, unknown>[]>;
  /** WABA id → its WhatsApp Flows, listed by `GET /<version>/<waba-id>/flows`. */
  flows?: Record<string, StandInFlow[]>;
  /** Phone number id → what `GET /<version>/<phone-number-id>` answers; other ids are unknown (error 100). */
  phoneNumbers?: Record<string, StandInPhoneNumber>;
};

/**
 * A real HTTP server speaking the Cloud API's `/messages` contract (facts §3, §5), for integration
 * tests and local development: it validates bodies with Tandem's schemas, answers Meta's success and
 * error shapes, and can inject failures, latency and a throughput limit. It also describes a phone
 * number, lists an account's templates and WhatsApp Flows, serves the Flows' JSON, and takes
 * Conversions API events (`/<dataset>/events`, conversions-api-facts §3), as Meta does.
 */
export async function startCloudApiStandIn(options: CloudApiStandInOptions = {}): Promise<CloudApiStandIn> {
  const tokens = options.tokens;
  let records: RecordedRequest[] = [];
  let accepted = 0;
  let failures: Array<{ code: number; left: number; httpStatus?: number; to?: string; conversions?: boolean }> = [];
  let latencyMs = 0;
  let maxPerSecond: number | null = null;
  let acceptedAt: number[] = [];
  const pending = new Set<NodeJS.Timeout>();
  /** Recipients whose answers wait, with the answers waiting. */
  const heldAnswers = new Map<string, Array<() => void>>();
  const templates = new Map(Object.entries(options.templates ?? {}));
  const flows = new Map(Object.entries(structuredClone(options.flows ?? {})));
  const numbers = new Map(Object.entries(structuredClone(options.phoneNumbers ?? {})));

  function decide(request: IncomingMessage, phoneNumberId: string | null, path: string, text: string, receivedAt: number): Reply {
    if (phoneNumberId === null) return metaError(2500, { httpStatus: 404, message: `Unknown path components: ${path}` });
    const auth = checkToken(request, tokens);
    if (!auth.ok) return auth.reply;
    const { token } = auth;
    if (tokens !== undefined && tokens[phoneNumberId] !== token) {
      return metaError(100, {
        message: `Unsupported post request. Object with ID '${phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      });
    }
    if (request.method !== 'POST') return metaError(100, { message: `Unsupported ${request.method?.toLowerCase()} request.` });
    const body = parseJson(text);
    if (body === undefined) return metaError(100, { details: 'The request body is not valid JSON.' });
    const check = checkRequestBody(body);
    if (!check.ok) return check.reply;
    if (check.kind === 'read') return injectedFailure(undefined) ?? { status: 200, body: { success: true } };
    const to = check.message.to ?? check.message.recipient!;
    const injected = injectedFailure(to);
    if (injected) return injected;
    if (maxPerSecond !== null) {
      acceptedAt = acceptedAt.filter((at) => at > receivedAt - 1000);
      if (acceptedAt.length >= maxPerSecond) return metaError(130429);
    }
    acceptedAt.push(receivedAt);
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [check.message.recipient ? { input: to, user_id: to } : { input: to, wa_id: to.replace(/^\+/, '') }],
        messages: [{ id: makeWamid(to) }],
      },
    };
  }

  function injectedFailure(to: string | undefined, conversions = false): MetaErrorReply | undefined {
    const failure = failures.find((f) => (f.conversions ?? false) === conversions && (f.to === undefined || f.to === to));
    if (failure === undefined) return undefined;
    failure.left -= 1;
    if (failure.left <= 0) failures = failures.filter((f) => f !== failure);
    return metaError(failure.code, failure.httpStatus === undefined ? {} : { httpStatus: failure.httpStatus });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const receivedAt = performance.now();
    const text = await readText(request);
    const path = new URL(request.url ?? '/', 'http://stand-in').pathname;
    const phoneNumberId = /^\/v\d+\.\d+\/(\d+)\/messages\/?$/.exec(path)?.[1] ?? null;
    const wabaId = /^\/v\d+\.\d+\/(\d+)\/message_templates\/?$/.exec(path)?.[1];
    const numberId = /^\/v\d+\.\d+\/(\d+)\/?$/.exec(path)?.[1];
    const datasetId = /^\/v\d+\.\d+\/(\d+)\/events\/?$/.exec(path)?.[1];
    const baseUrl = `http://${request.headers.host ?? '127.0.0.1'}`;
    const reply =
      datasetId !== undefined
        ? (injectedFailure(undefined, true) ?? serveConversions(request, { text, tokens, now: new Date() }))
        : numberId !== undefined
          ? (injectedFailure(undefined) ?? servePhoneNumber(request, { phoneNumberId: numberId, numbers, tokens, baseUrl }))
          : wabaId === undefined
            ? (serveFlows(request, path, { flows, tokens, baseUrl }) ?? decide(request, phoneNumberId, path, text, receivedAt))
            : listTemplates(request, { wabaId, templates: templates.get(wabaId), tokens, baseUrl });
    const body = parseJson(text);
    records.push({
      method: request.method ?? 'GET',
      path,
      phoneNumberId,
      body: body ?? text,
      receivedAt,
      remotePort: request.socket.remotePort,
      response: reply,
    });
    if (reply.status === 200 && typeof body === 'object' && body !== null && 'type' in body) accepted += 1;
    const send = () => {
      response.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    };
    const recipient =
      typeof body === 'object' && body !== null && 'type' in body
        ? ((body as { to?: string; recipient?: string }).to ?? (body as { recipient?: string }).recipient)
        : undefined;
    const held = recipient === undefined ? undefined : heldAnswers.get(recipient);
    if (held) return void held.push(send);
    if (latencyMs <= 0) return send();
    const timer = setTimeout(() => {
      pending.delete(timer);
      send();
    }, latencyMs);
    pending.add(timer);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the stand-in is not listening on a TCP port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    received: () => structuredClone(records),
    acceptedCount: () => accepted,
    failNext(code, { times = 1, httpStatus, to, conversions } = {}) {
      if (!Number.isInteger(times) || times < 1) throw new RangeError(`failNext: times must be a positive integer, got ${times}`);
      failures.push({
        code,
        left: times,
        ...(httpStatus !== undefined && { httpStatus }),
        ...(to !== undefined && { to }),
        ...(conversions && { conversions }),
      });
    },
    setLatency(ms) {
      latencyMs = ms;
    },
    holdAnswersTo(to) {
      heldAnswers.set(to, []);
      return {
        release() {
          const waiting = heldAnswers.get(to) ?? [];
          heldAnswers.delete(to);
          for (const send of waiting) send();
        },
      };
    },
    setRateLimit(limit) {
      maxPerSecond = limit;
    },
    setTemplates(wabaId, list) {
      templates.set(wabaId, structuredClone(list));
    },
    setFlows(wabaId, list) {
      flows.set(wabaId, structuredClone(list));
    },
    setPhoneNumber(phoneNumberId, info) {
      numbers.set(phoneNumberId, structuredClone(info));
    },
    reset() {
      records = [];
      accepted = 0;
      failures = [];
      latencyMs = 0;
      for (const waiting of heldAnswers.values()) for (const send of waiting) send();
      heldAnswers.clear();
      maxPerSecond = null;
      acceptedAt = [];
    },
    close() {
      for (const timer of pending) clearTimeout(timer);
      heldAnswers.clear();
      pending.clear();
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

type Reply = { status: number; body: unknown };

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}
