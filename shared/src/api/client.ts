import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteDef } from './route';
import { apiErrorSchema, type ApiError } from './route';

/** An answer that is not a success, with the API's error body. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError,
  ) {
    super(body.error.message);
    this.name = 'ApiCallError';
  }
}

export interface ClientOptions {
  baseUrl?: string;
  /** Extra headers, e.g. `Authorization: Bearer <api key>` or the CSRF token. */
  headers?: () => Record<string, string>;
  fetch?: typeof fetch;
}

type Input<R> = { params?: ParamsOf<R>; query?: QueryOf<R>; body?: BodyOf<R> };

/** A typed caller of the API: `call(endpoints.listFlows, { params: { workspaceId } })`. */
export function createApiClient(options: ClientOptions = {}) {
  const doFetch = options.fetch ?? fetch;
  return async function call<R extends RouteDef>(route: R, input: Input<R> = {}): Promise<ResponseOf<R>> {
    const params = (input.params ?? {}) as Record<string, string | number>;
    const path = route.path.replace(/\{(\w+)\}/g, (_, key: string) => encodeURIComponent(String(params[key])));
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries((input.query ?? {}) as Record<string, unknown>)) if (v !== undefined && v !== null && v !== '') query.set(k, String(v));
    const url = `${options.baseUrl ?? ''}${path}${query.size ? `?${query}` : ''}`;
    const hasBody = route.method !== 'get' && route.method !== 'delete';
    const response = await doFetch(url, {
      method: route.method.toUpperCase(),
      credentials: 'include',
      headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...options.headers?.() },
      ...(hasBody ? { body: JSON.stringify(input.body ?? {}) } : {}),
    });
    const text = await response.text();
    const json: unknown = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const parsed = apiErrorSchema.safeParse(json);
      throw new ApiCallError(response.status, parsed.success ? parsed.data : { error: { code: 'http_error', message: `HTTP ${response.status}` } });
    }
    return json as ResponseOf<R>;
  };
}
export type ApiClient = ReturnType<typeof createApiClient>;
