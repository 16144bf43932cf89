import type { IncomingMessage } from 'node:http';
import { metaError, type MetaErrorReply } from './metaError';

/**
 * The request's bearer token when Meta would know it (any token when the stand-in was given no
 * token map), else the 190 Meta answers an access token it cannot parse or does not know.
 */
export function checkToken(
  request: IncomingMessage,
  tokens: Record<string, string> | undefined,
): { ok: true; token: string } | { ok: false; reply: MetaErrorReply } {
  const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined || (tokens !== undefined && !Object.values(tokens).includes(token))) {
    return { ok: false, reply: metaError(190, { message: 'Invalid OAuth access token - Cannot parse access token' }) };
  }
  return { ok: true, token };
}
