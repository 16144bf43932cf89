import { z } from 'zod';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export type Role = 'viewer' | 'agent' | 'editor' | 'admin';

/**
 * One API endpoint, described once: the server validates requests with it and generates the
 * OpenAPI document from it; the editor's client calls it with types inferred from it.
 */
export interface RouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** OpenAPI-style path: `/api/workspaces/{workspaceId}/flows`. */
  path: string;
  summary: string;
  tag: string;
  /** Least role needed in the workspace of the path; `null` for routes outside a workspace. */
  role: Role | null;
  params: P;
  query: Q;
  body: B;
  response: R;
  /** HTTP status of a success (200 unless said). */
  status?: number;
  /** Media type of a success's body (`application/json` unless said, e.g. `text/csv`). */
  mediaType?: string;
}

const none = z.object({});

export function route<
  P extends z.ZodType = typeof none,
  Q extends z.ZodType = typeof none,
  B extends z.ZodType = typeof none,
  R extends z.ZodType = z.ZodType,
>(def: {
  method: HttpMethod;
  path: string;
  summary: string;
  tag: string;
  role: Role | null;
  params?: P;
  query?: Q;
  body?: B;
  response: R;
  status?: number;
  mediaType?: string;
}): RouteDef<P, Q, B, R> {
  return { ...def, params: (def.params ?? none) as P, query: (def.query ?? none) as Q, body: (def.body ?? none) as B };
}

export type ParamsOf<R> = R extends RouteDef<infer P, z.ZodType, z.ZodType, z.ZodType> ? z.input<P> : never;
export type QueryOf<R> = R extends RouteDef<z.ZodType, infer Q, z.ZodType, z.ZodType> ? z.input<Q> : never;
export type BodyOf<R> = R extends RouteDef<z.ZodType, z.ZodType, infer B, z.ZodType> ? z.input<B> : never;
export type ResponseOf<R> = R extends RouteDef<z.ZodType, z.ZodType, z.ZodType, infer S> ? z.output<S> : never;

/** The one error shape every endpoint answers with. */
export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string(), code: z.string().optional() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

export const roleRank: Record<Role, number> = { viewer: 0, agent: 1, editor: 2, admin: 3 };
