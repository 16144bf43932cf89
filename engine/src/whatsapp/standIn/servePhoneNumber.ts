import type { IncomingMessage } from 'node:http';
import { metaError } from './metaError';
import { checkToken } from './checkToken';

/** A business phone number as Meta describes it (`GET /<version>/<phone-number-id>`). */
export type StandInPhoneNumber = {
  display_phone_number: string;
  verified_name: string;
  /** Default GREEN. */
  quality_rating?: string;
  /** Default VERIFIED. */
  code_verification_status?: string;
  /** Default CLOUD_API. */
  platform_type?: string;
};

type Reply = { status: number; body: unknown };

const DEFAULT_FIELDS = ['display_phone_number', 'verified_name', 'quality_rating', 'code_verification_status'];

/**
 * `GET /<version>/<phone-number-id>?fields=…` as Meta answers it: the fields asked for (and `id`)
 * to a token that may use the number; 190 for a token Meta does not know, 100 ("does not exist,
 * cannot be loaded due to missing permissions") for an unknown id or another number's token.
 */
export function servePhoneNumber(
  request: IncomingMessage,
  o: { phoneNumberId: string; numbers: ReadonlyMap<string, StandInPhoneNumber>; tokens: Record<string, string> | undefined; baseUrl: string },
): Reply {
  const auth = checkToken(request, o.tokens);
  if (!auth.ok) return auth.reply;
  const { token } = auth;
  const number = o.numbers.get(o.phoneNumberId);
  if (request.method !== 'GET' || number === undefined || (o.tokens !== undefined && o.tokens[o.phoneNumberId] !== token)) {
    return metaError(100, {
      message: `Unsupported ${request.method?.toLowerCase()} request. Object with ID '${o.phoneNumberId}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
    });
  }
  const fields =
    new URL(request.url ?? '/', o.baseUrl).searchParams
      .get('fields')
      ?.split(',')
      .map((f) => f.trim()) ?? DEFAULT_FIELDS;
  const shown: Record<string, unknown> = {
    quality_rating: 'GREEN',
    code_verification_status: 'VERIFIED',
    platform_type: 'CLOUD_API',
    ...number,
  };
  return { status: 200, body: { ...Object.fromEntries(Object.entries(shown).filter(([k]) => fields.includes(k))), id: o.phoneNumberId } };
}
