import { describe, expect, it } from 'vitest';
import { readCloudApiError } from './cloudApiError';

describe('readCloudApiError', () => {
  it('reads code, message, details and trace id from Meta’s envelope', () => {
    const body = {
      error: {
        message: '(#131047) Re-engagement message',
        type: 'OAuthException',
        code: 131047,
        error_subcode: 2494010,
        error_data: { messaging_product: 'whatsapp', details: 'More than 24 hours have passed since the recipient last replied.' },
        fbtrace_id: 'AazUkcnUQFVTkFuoP6UMtqV',
      },
    };
    expect(readCloudApiError(400, body)).toEqual({
      code: 131047,
      message: '(#131047) Re-engagement message',
      details: 'More than 24 hours have passed since the recipient last replied.',
      fbtraceId: 'AazUkcnUQFVTkFuoP6UMtqV',
      httpStatus: 400,
      source: 'meta',
    });
  });

  it('turns an answer without the envelope, like a proxy’s HTML page, into a transport error', () => {
    expect(readCloudApiError(502, '<html>Bad Gateway</html>')).toEqual({
      code: -1,
      message: 'Cloud API answered HTTP 502 without an error envelope',
      httpStatus: 502,
      source: 'transport',
    });
  });
});
