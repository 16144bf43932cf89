import http from 'node:http';
import https from 'node:https';
import { text } from 'node:stream/consumers';

/** What came back from a POST: the status and the body as text. */
type PostAnswer = { status: number; text: string };

/** Posts a JSON body and reads the whole answer; rejects on network failure, and with a `TimeoutError` after `timeoutMs`. */
export type PostJson = (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => Promise<PostAnswer>;

/**
 * A POST over Node's own HTTP client with kept-alive connections: a busy sender reuses its
 * sockets to the Graph API instead of opening one per message, and skips the WHATWG fetch layer
 * (streams, abort signals, header guards) that cost more CPU than the request itself.
 */
export function keepAlivePoster(maxSockets = 128): PostJson {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets }),
  };
  return (url, headers, body, timeoutMs) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const secure = target.protocol === 'https:';
      if (!secure && target.protocol !== 'http:') return reject(new Error(`unsupported protocol ${target.protocol}`));
      const send = secure ? https.request : http.request;
      const request = send(
        target,
        {
          method: 'POST',
          agent: agents[target.protocol as 'http:' | 'https:'],
          headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          text(response).then((answer) => resolve({ status: response.statusCode ?? 0, text: answer }), reject);
        },
      );
      // The whole exchange — connecting, sending, the answer — is bounded by `timeoutMs`.
      const deadline = setTimeout(() => request.destroy(timeoutError()), timeoutMs);
      request.on('close', () => clearTimeout(deadline));
      request.on('error', reject);
      request.end(body);
    });
}

function timeoutError(): Error {
  const error = new Error('The operation timed out');
  error.name = 'TimeoutError';
  return error;
}
