import { randomBytes } from 'node:crypto';
import type { CloudApiErrorEnvelope } from '../cloudApiError';

export type MetaErrorReply = { status: number; body: CloudApiErrorEnvelope };

/**
 * An error answer as Meta shapes it: the envelope with `fbtrace_id`, the title as `(#code) title`,
 * the explanation in `error_data.details`. Known codes take their wording from facts §5.
 */
export function metaError(code: number, overrides: { httpStatus?: number; message?: string; details?: string } = {}): MetaErrorReply {
  const known = catalog.get(code);
  const details = overrides.details ?? known?.details;
  return {
    status: overrides.httpStatus ?? defaultStatus(code),
    body: {
      error: {
        message: overrides.message ?? `(#${code}) ${known?.title ?? 'An error occurred'}`,
        type: 'OAuthException',
        code,
        ...(details !== undefined && { error_data: { messaging_product: 'whatsapp', details } }),
        fbtrace_id: `A${randomBytes(16).toString('base64url').slice(0, 22)}`,
      },
    },
  };
}

function defaultStatus(code: number): number {
  if (code === 190) return 401;
  return serverSideCodes.has(code) ? 500 : 400;
}

// Meta answers these from its side being unavailable; everything else, 130429 included, is a 400.
const serverSideCodes = new Set([131000, 131016, 1, 2, 133004]);

const catalog = new Map<number, { title: string; details?: string }>([
  [
    131047,
    {
      title: 'Re-engagement message',
      details: 'More than 24 hours have passed since the recipient last replied to this number. Send a template message instead.',
    },
  ],
  [
    131026,
    {
      title: 'Message undeliverable',
      details: 'The number may not be on WhatsApp, the recipient may not have accepted the latest Terms of Service, or may use an old app version.',
    },
  ],
  [130429, { title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' }],
  [
    131056,
    {
      title: '(Business Account, Consumer Account) pair rate limit hit',
      details: 'Too many messages sent from this phone number to the same recipient in a short period of time.',
    },
  ],
  [
    131049,
    {
      title: 'This message was not delivered to maintain healthy ecosystem engagement.',
      details: 'Wait at least 24 hours before sending this recipient another marketing template.',
    },
  ],
  [
    131050,
    {
      title: 'Unable to deliver the message',
      details: 'This recipient has chosen to stop receiving marketing messages on WhatsApp from your business. Do not retry.',
    },
  ],
  [131048, { title: 'Spam rate limit hit', details: 'Too many previous messages from this phone number were blocked or flagged as spam.' }],
  [131051, { title: 'Unsupported message type' }],
  [131052, { title: 'Media download error' }],
  [131053, { title: 'Media upload error' }],
  [131057, { title: 'Account in maintenance mode', details: 'The business account is in maintenance mode, for example during a throughput upgrade.' }],
  [131000, { title: 'Something went wrong', details: 'Message failed to send because of an unknown error.' }],
  [131016, { title: 'Service unavailable', details: 'A service is temporarily unavailable.' }],
  [1, { title: 'API Unknown', details: 'Possibly a temporary issue due to downtime.' }],
  [2, { title: 'API Service', details: 'Temporary issue due to downtime.' }],
  [133004, { title: 'Server temporarily unavailable' }],
  [4, { title: 'API Too Many Calls', details: 'The app has reached its API call rate limit.' }],
  [80007, { title: 'Rate limit issues', details: 'The WhatsApp Business Account has reached its rate limit.' }],
  [132000, { title: 'Number of parameters does not match the expected number of params' }],
  [132001, { title: 'Template name does not exist in the translation', details: 'The template does not exist in this language or has not been approved.' }],
  [132005, { title: 'Translated text too long' }],
  [132007, { title: 'Template format character policy violated' }],
  [132012, { title: 'Parameter format does not match format in the created template' }],
  [132015, { title: 'Template is Paused', details: 'The template is paused because of low quality.' }],
  [132016, { title: 'Template is Disabled', details: 'The template was paused too many times and is permanently disabled.' }],
  [131042, { title: 'Business eligibility payment issue', details: 'There is a problem with the payment method or eligibility of this account.' }],
  [131031, { title: 'Account has been locked' }],
  [368, { title: 'Temporarily blocked for policies violations' }],
  [131021, { title: 'Recipient cannot be sender' }],
  [130472, { title: "User's number is part of an experiment" }],
  [131009, { title: 'Parameter value is not valid' }],
  [131008, { title: 'Required parameter is missing' }],
  [100, { title: 'Invalid parameter' }],
  [190, { title: 'Access token has expired or is invalid' }],
  [0, { title: 'AuthException' }],
  [10, { title: 'Permission denied' }],
]);
