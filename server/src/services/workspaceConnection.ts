import { z } from 'zod';
import type { ConnectionTest } from '@tandem/shared/api';
import { readCloudApiError } from '@tandem/engine/whatsapp';
import type { GraphApi } from './syncTemplates';

const FIELDS = 'display_phone_number,verified_name,quality_rating,code_verification_status';
const TIMEOUT_MS = 10_000;

/** What Meta's Graph API answered, or that it did not. */
export type GraphAnswer = { kind: 'answer'; status: number; body: unknown } | { kind: 'unreachable'; timedOut: boolean };

/**
 * Asks Meta about the number (`GET /<phone-number-id>?fields=…`) with the workspace's token and
 * says in plain words what that shows. Never throws, never returns or logs the token.
 */
export async function testConnection(
  graph: GraphApi,
  w: { phoneNumberId: string | null; accessToken: string | null; displayPhoneNumber: string | null },
): Promise<ConnectionTest> {
  if (!w.phoneNumberId || !w.accessToken) {
    const missing = [!w.phoneNumberId && 'the phone number ID', !w.accessToken && 'the access token'].filter(Boolean).join(' and ');
    return { ok: false, problem: 'not_set_up', metaCode: null, message: `Enter ${missing} first, then test again.` };
  }
  const url = `${graph.baseUrl.replace(/\/+$/, '')}/${graph.version}/${encodeURIComponent(w.phoneNumberId)}?fields=${FIELDS}`;
  let answer: GraphAnswer;
  try {
    const response = await (graph.fetch ?? globalThis.fetch)(url, {
      headers: { authorization: `Bearer ${w.accessToken}` },
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = await response.text();
    answer = { kind: 'answer', status: response.status, body: parseJson(text) };
  } catch (error) {
    answer = { kind: 'unreachable', timedOut: error instanceof Error && error.name === 'TimeoutError' };
  }
  const result = connectionTestResult(answer, w.displayPhoneNumber);
  return result.ok ? result : { ...result, message: result.message.replaceAll(w.accessToken, '***') };
}

const phoneNumberSchema = z.object({
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
  quality_rating: z.string().optional(),
  code_verification_status: z.string().optional(),
});

const qualityWords: Record<string, string> = {
  GREEN: 'high',
  YELLOW: 'medium',
  RED: 'low',
};

/** The plain-words reading of Meta's answer to the phone number request (pure). */
export function connectionTestResult(answer: GraphAnswer, savedDisplayNumber: string | null): ConnectionTest {
  if (answer.kind === 'unreachable') {
    return {
      ok: false,
      problem: 'unreachable',
      metaCode: null,
      message: answer.timedOut
        ? 'Meta did not answer within 10 seconds. Try again in a moment; if it keeps happening, check that this server can reach graph.facebook.com.'
        : 'Meta could not be reached from this server. Check its internet connection (and the Graph API address it is set to use), then try again.',
    };
  }
  if (answer.status >= 200 && answer.status < 300) {
    const parsed = phoneNumberSchema.safeParse(answer.body);
    if (!parsed.success) return unexpected(answer.status);
    const n = parsed.data;
    const who = [n.verified_name, n.display_phone_number].filter(Boolean).join(', ');
    const notes: string[] = [];
    if (n.quality_rating && qualityWords[n.quality_rating] && n.quality_rating !== 'GREEN') {
      notes.push(
        `Meta rates the number's quality ${qualityWords[n.quality_rating]}: customers have blocked or reported recent messages. Send fewer marketing messages.`,
      );
    }
    if (n.code_verification_status && n.code_verification_status !== 'VERIFIED') {
      notes.push('Meta says the number is not verified yet: finish its verification in WhatsApp Manager.');
    }
    if (savedDisplayNumber && n.display_phone_number && digits(savedDisplayNumber) !== digits(n.display_phone_number)) {
      notes.push(`The display number saved here (${savedDisplayNumber}) is not the one Meta has (${n.display_phone_number}). Check the phone number ID.`);
    }
    return {
      ok: true,
      message: who ? `Connected: Meta knows this number as ${who}.` : 'Connected: Meta accepted the token for this number.',
      verifiedName: n.verified_name ?? null,
      displayPhoneNumber: n.display_phone_number ?? null,
      qualityRating: n.quality_rating ?? null,
      codeVerificationStatus: n.code_verification_status ?? null,
      notes,
    };
  }
  const error = readCloudApiError(answer.status, answer.body);
  if (error.source !== 'meta') return unexpected(answer.status);
  const code = error.code;
  if (code === 190 || code === 0 || code === 102) {
    return {
      ok: false,
      problem: 'token_invalid',
      metaCode: code,
      message: 'Meta refused the access token: it is wrong, expired or was revoked. Create a new token (a system user token does not expire) and save it here.',
    };
  }
  if (code === 10 || (code >= 200 && code <= 299)) {
    return {
      ok: false,
      problem: 'no_permission',
      metaCode: code,
      message:
        'The token works but may not use this number. Give the system user access to the WhatsApp Business Account with the whatsapp_business_messaging and whatsapp_business_management permissions.',
    };
  }
  if (code === 100) {
    return {
      ok: false,
      problem: 'wrong_id',
      metaCode: code,
      message:
        'Meta does not know a phone number with this ID for this token. Copy the phone number ID (not the phone number itself) from API Setup in your Meta app.',
    };
  }
  return { ok: false, problem: 'meta_error', metaCode: code, message: `Meta answered with an error: ${error.message} (code ${code}).` };
}

function unexpected(status: number): ConnectionTest {
  return {
    ok: false,
    problem: 'unreachable',
    metaCode: null,
    message: `The address set for Meta's Graph API answered (HTTP ${status}) but not as Meta does. Check the Graph API address this server uses.`,
  };
}

const digits = (text: string) => text.replace(/\D/g, '');

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
