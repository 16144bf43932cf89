import { z } from 'zod';
import { classifyError } from './classifyError';
import { readCloudApiError, TRANSPORT_ERROR_CODE, type CloudApiError } from './cloudApiError';
import { formatIssuePath } from './issuePath';
import { keepAlivePoster, type PostJson } from './postJson';
import { markReadSchema, outboundMessageSchema, type OutboundMessage } from './outboundPayload';
import type { CloudApiFailure, MarkReadOutcome, SendOutcome } from './sendOutcome';
import { conversionsRequestSchema, conversionsResponseSchema, type ConversionsRequest } from './conversionsPayload';

export type CloudApiCredentials = { phoneNumberId: string; accessToken: string };
/** A WhatsApp Business Account and a token that may read it. */
export type CloudApiAccount = { wabaId: string; accessToken: string };
/** A Conversions API dataset and a token that may write to it. */
export type ConversionsDataset = { datasetId: string; accessToken: string };
/** What Meta said to a Conversions API request: how many events it took, with its trace id. */
export type ConversionsOutcome = { ok: true; eventsReceived: number; fbtraceId?: string } | CloudApiFailure;

export type CloudApiClientOptions = {
  baseUrl?: string;
  apiVersion?: string;
  timeoutMs?: number;
  /** Replaces the HTTP client (tests); sends then go through it too instead of the kept-alive connections. */
  fetch?: typeof fetch;
};

/**
 * Sends messages through the WhatsApp Cloud API, and reads an account's WhatsApp Flows. Never
 * throws for API, network or validation failures: it returns an outcome with the handling to
 * apply. Never logs, and never puts the access token in an outcome.
 */
export class CloudApiClient {
  readonly #endpoint: (phoneNumberId: string) => string;
  /** `<baseUrl>/<version>`, the root of Graph API paths other than /messages. */
  readonly #graph: string;
  readonly #timeoutMs: number;
  readonly #fetch: typeof fetch;
  /** Sends and read receipts: many per second, so over kept-alive connections. */
  readonly #postJson: PostJson;

  constructor(options: CloudApiClientOptions = {}) {
    const { baseUrl, apiVersion, timeoutMs } = clientOptionsSchema.parse(options);
    this.#endpoint = (phoneNumberId) => `${baseUrl.replace(/\/+$/, '')}/${apiVersion}/${phoneNumberId}/messages`;
    this.#graph = `${baseUrl.replace(/\/+$/, '')}/${apiVersion}`;
    this.#timeoutMs = timeoutMs;
    this.#fetch = options.fetch ?? globalThis.fetch;
    this.#postJson = options.fetch ? viaFetch(options.fetch) : keepAlivePoster();
  }

  /** `attempt` counts earlier failures of this same send, from 0; it grows the suggested retry delay. */
  async send(credentials: CloudApiCredentials, message: OutboundMessage, options: { attempt?: number } = {}): Promise<SendOutcome> {
    const body = outboundMessageSchema.safeParse(message);
    if (!body.success) return refuse(body.error);
    const answer = await this.#post(credentials, body.data, options.attempt ?? 0);
    if (!answer.ok) return answer;
    const accepted = sendResponseSchema.safeParse(answer.body);
    if (!accepted.success) return fail(unexpectedSuccess(answer.status), 0);
    const [first] = accepted.data.messages;
    const waId = accepted.data.contacts?.[0]?.wa_id;
    return {
      ok: true,
      wamid: first.id,
      ...(first.message_status !== undefined && { messageStatus: first.message_status }),
      ...(waId !== undefined && { waId }),
    };
  }

  /** Marks an inbound message read; with `typing`, also shows the typing indicator (up to ~25 s). */
  async markRead(credentials: CloudApiCredentials, wamid: string, typing = false): Promise<MarkReadOutcome> {
    const body = markReadSchema.safeParse({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: wamid,
      ...(typing && { typing_indicator: { type: 'text' } }),
    });
    if (!body.success) return refuse(body.error);
    const answer = await this.#post(credentials, body.data, 0);
    if (!answer.ok) return answer;
    // Meta's `{"success":true}` is unverified (facts §3.6): any 2xx counts unless it says otherwise.
    const result = markReadResponseSchema.safeParse(answer.body);
    return result.success && result.data.success === false ? fail(unexpectedSuccess(answer.status), 0) : { ok: true };
  }

  /**
   * Reports conversion events to Meta's Conversions API for Business Messaging
   * (`POST /<dataset>/events`, conversions-api-facts §3). `attempt` counts earlier failures of the
   * same report, from 0.
   */
  async reportConversions(dataset: ConversionsDataset, request: ConversionsRequest, options: { attempt?: number } = {}): Promise<ConversionsOutcome> {
    const target = datasetSchema.safeParse(dataset);
    if (!target.success) return refuse(target.error);
    const body = conversionsRequestSchema.safeParse(request);
    if (!body.success) return refuse(body.error);
    const attempt = options.attempt ?? 0;
    const { datasetId, accessToken } = target.data;
    try {
      const response = await this.#postJson(
        `${this.#graph}/${datasetId}/events`,
        { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        JSON.stringify(body.data),
        this.#timeoutMs,
      );
      const answer = parseJson(response.text);
      if (response.status < 200 || response.status >= 300) return fail(redact(readCloudApiError(response.status, answer), accessToken), attempt);
      const received = conversionsResponseSchema.safeParse(answer);
      if (!received.success) return fail(unexpectedSuccess(response.status), attempt);
      return {
        ok: true,
        eventsReceived: received.data.events_received,
        ...(received.data.fbtrace_id !== undefined && { fbtraceId: received.data.fbtrace_id }),
      };
    } catch (error) {
      return fail(redact(transportError(error, this.#timeoutMs), accessToken), attempt);
    }
  }

  /** Every WhatsApp Flow of the account (`GET /<waba>/flows`, page after page; Flow facts §4). */
  async listFlows(account: CloudApiAccount): Promise<{ ok: true; flows: MetaFlowSummary[] } | CloudApiFailure> {
    const checked = accountSchema.safeParse(account);
    if (!checked.success) return refuse(checked.error);
    const { wabaId, accessToken } = checked.data;
    const flows: MetaFlowSummary[] = [];
    let url: string | undefined = `${this.#graph}/${wabaId}/flows?fields=id,name,status,categories&limit=100`;
    for (let page = 0; url !== undefined; page++) {
      // The token goes with every page, so a next page is only followed on the Graph API's own host.
      if (page === MAX_PAGES) return fail(unusable(`The Flow list has more than ${MAX_PAGES} pages; stopped`, 200), 0);
      if (new URL(url).origin !== new URL(this.#graph).origin) return fail(unusable('The Flow list’s next page is on another host; not followed', 200), 0);
      const answer = await this.#get(url, accessToken);
      if (!answer.ok) return answer;
      const listed = flowPageSchema.safeParse(answer.body);
      if (!listed.success) return fail(unexpectedSuccess(answer.status), 0);
      flows.push(...listed.data.data);
      url = listed.data.paging?.next;
    }
    return { ok: true, flows };
  }

  /** A Flow's Flow JSON: the FLOW_JSON asset of `GET /<flow>/assets`, downloaded without the token (it is a presigned link). */
  async flowJson(flowId: string, accessToken: string): Promise<{ ok: true; flowJson: unknown } | CloudApiFailure> {
    const checked = flowRefSchema.safeParse({ flowId, accessToken });
    if (!checked.success) return refuse(checked.error);
    const answer = await this.#get(`${this.#graph}/${checked.data.flowId}/assets`, accessToken);
    if (!answer.ok) return answer;
    const assets = assetsSchema.safeParse(answer.body);
    if (!assets.success) return fail(unexpectedSuccess(answer.status), 0);
    const asset = assets.data.data.find((a) => a.asset_type === 'FLOW_JSON');
    if (asset === undefined) return fail(unusable(`Flow ${checked.data.flowId} has no FLOW_JSON asset`, answer.status), 0);
    const download = new URL(asset.download_url);
    if (download.protocol !== 'https:' && download.origin !== new URL(this.#graph).origin) {
      return fail(unusable('The Flow JSON download link is neither https nor on the Graph API host; not followed', answer.status), 0);
    }
    try {
      const response = await this.#fetch(download, { signal: AbortSignal.timeout(this.#timeoutMs) });
      const flowJson = parseJson(await response.text());
      if (!response.ok) return fail(unusable(`Downloading the Flow JSON answered HTTP ${response.status}`, response.status), 0);
      if (typeof flowJson !== 'object' || flowJson === null || Array.isArray(flowJson)) {
        return fail(unusable('The Flow JSON download is not a JSON object', response.status), 0);
      }
      return { ok: true, flowJson };
    } catch (error) {
      return fail(transportError(error, this.#timeoutMs), 0);
    }
  }

  async #get(url: string, accessToken: string): Promise<{ ok: true; status: number; body: unknown } | CloudApiFailure> {
    try {
      const response = await this.#fetch(url, { headers: { authorization: `Bearer ${accessToken}` }, signal: AbortSignal.timeout(this.#timeoutMs) });
      const answer = parseJson(await response.text());
      if (response.ok) return { ok: true, status: response.status, body: answer };
      return fail(redact(readCloudApiError(response.status, answer), accessToken), 0);
    } catch (error) {
      return fail(redact(transportError(error, this.#timeoutMs), accessToken), 0);
    }
  }

  async #post(credentials: CloudApiCredentials, body: unknown, attempt: number): Promise<{ ok: true; status: number; body: unknown } | CloudApiFailure> {
    const checked = credentialsSchema.safeParse(credentials);
    if (!checked.success) return refuse(checked.error);
    const { phoneNumberId, accessToken } = checked.data;
    try {
      const response = await this.#postJson(
        this.#endpoint(phoneNumberId),
        { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
        JSON.stringify(body),
        this.#timeoutMs,
      );
      const answer = parseJson(response.text);
      if (response.status >= 200 && response.status < 300) return { ok: true, status: response.status, body: answer };
      return fail(redact(readCloudApiError(response.status, answer), accessToken), attempt);
    } catch (error) {
      return fail(redact(transportError(error, this.#timeoutMs), accessToken), attempt);
    }
  }
}

const clientOptionsSchema = z.object({
  baseUrl: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com'),
  apiVersion: z
    .string()
    .regex(/^v\d+\.\d+$/, 'must look like v24.0')
    .default('v24.0'),
  timeoutMs: z.number().int().positive().default(10_000),
});

// The phone number id becomes a path segment and the token a header, so both are checked strictly.
const credentialsSchema = z.object({
  phoneNumberId: z.string().regex(/^\d+$/, 'phoneNumberId must be digits only'),
  accessToken: z.string().regex(/^\S+$/, 'accessToken must be non-empty without spaces'),
});

const digits = (what: string) => z.string().regex(/^\d+$/, `${what} must be digits only`);
const accountSchema = z.object({ wabaId: digits('wabaId'), accessToken: credentialsSchema.shape.accessToken });
const datasetSchema = z.object({ datasetId: digits('datasetId'), accessToken: credentialsSchema.shape.accessToken });
const flowRefSchema = z.object({ flowId: digits('flowId'), accessToken: credentialsSchema.shape.accessToken });

/** A Flow as the account's Flow list gives it. */
const metaFlowSummarySchema = z.object({ id: z.string().min(1), name: z.string(), status: z.string(), categories: z.array(z.string()).default([]) });
export type MetaFlowSummary = z.infer<typeof metaFlowSummarySchema>;
const flowPageSchema = z.object({ data: z.array(metaFlowSummarySchema), paging: z.object({ next: z.string().optional() }).optional() });
const assetsSchema = z.object({ data: z.array(z.object({ name: z.string().optional(), asset_type: z.string(), download_url: z.url() })) });
const MAX_PAGES = 50;

const sendResponseSchema = z.object({
  contacts: z.array(z.object({ input: z.string().optional(), wa_id: z.string().optional(), user_id: z.string().optional() })).optional(),
  messages: z.tuple([z.object({ id: z.string().min(1), message_status: z.string().optional() })], z.unknown()),
});

const markReadResponseSchema = z.object({ success: z.boolean() });

function fail(error: CloudApiError, attempt: number): CloudApiFailure {
  return { ok: false, error, ...classifyError({ code: error.code, httpStatus: error.httpStatus, attempt }) };
}

/** A body or credentials Tandem refuses to send: reported with Meta's own "invalid parameter" code. */
function refuse(error: z.ZodError): CloudApiFailure {
  const issues = error.issues.map((issue) => `${formatIssuePath(issue.path) || '(body)'}: ${issue.message}`);
  return fail(
    { code: 100, message: `Tandem refused to send: ${issues[0] ?? 'invalid request'}`, details: issues.join('; '), httpStatus: null, source: 'tandem' },
    0,
  );
}

function unusable(message: string, httpStatus: number): CloudApiError {
  return { code: TRANSPORT_ERROR_CODE, message, httpStatus, source: 'transport' };
}

/** A `PostJson` over a given `fetch`. */
function viaFetch(f: typeof fetch): PostJson {
  return async (url, headers, body, timeoutMs) => {
    const response = await f(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    return { status: response.status, text: await response.text() };
  };
}

function unexpectedSuccess(httpStatus: number): CloudApiError {
  return { code: TRANSPORT_ERROR_CODE, message: `Cloud API answered HTTP ${httpStatus} with an unexpected body`, httpStatus, source: 'transport' };
}

function transportError(error: unknown, timeoutMs: number): CloudApiError {
  const timedOut = error instanceof Error && error.name === 'TimeoutError';
  const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  const message = timedOut
    ? `Cloud API did not answer within ${timeoutMs} ms`
    : `Could not reach the Cloud API: ${error instanceof Error ? error.message : String(error)}${cause}`;
  return { code: TRANSPORT_ERROR_CODE, message, httpStatus: null, source: 'transport' };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function redact(error: CloudApiError, accessToken: string): CloudApiError {
  const scrub = (text: string) => text.split(accessToken).join('[redacted]');
  return { ...error, message: scrub(error.message), ...(error.details !== undefined && { details: scrub(error.details) }) };
}
