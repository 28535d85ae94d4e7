// POSTs over kept-alive connections and answers with the status and body. The CRM relay posts every timeline
// event, so this is on the hot path: node:http with a keep-alive agent costs a fraction of the CPU of fetch()
// per request (fetch builds WHATWG streams, headers and an abort signal for each call).
//
// A kept-alive connection can be closed by the server just as a request goes out on it ("socket hang up",
// ECONNRESET). Idle connections are dropped after IDLE_MS, under the 5 s most servers keep them (Node's
// default), and a request that fails that way on a reused connection is sent once more on a new one. Every
// caller's request is safe to repeat: the CRM deduplicates on the Idempotency-Key, a signal carries its own.
import http from 'node:http';
import https from 'node:https';

export interface HttpAnswer {
  status: number;
  body: string;
}

export type HttpPost = (url: URL, body: string, headers: Record<string, string>) => Promise<HttpAnswer>;

const IDLE_MS = 4_000;

// `timeoutMs`: how long a request may wait for the server (connection or answer) before it fails.
export function httpPoster(timeoutMs: number): HttpPost {
  const agents = {
    http: new http.Agent({ keepAlive: true, timeout: IDLE_MS }),
    https: new https.Agent({ keepAlive: true, timeout: IDLE_MS }),
  };
  const send = (url: URL, payload: Buffer, headers: Record<string, string>, retried: boolean): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const secure = url.protocol === 'https:';
      const request = (secure ? https : http).request(
        url,
        {
          method: 'POST',
          agent: secure ? agents.https : agents.http,
          timeout: timeoutMs,
          headers: { ...headers, 'content-length': payload.length },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer from ${url.origin} within ${timeoutMs} ms`)));
      request.on('error', (e: NodeJS.ErrnoException) => {
        const closedUnderUs = request.reusedSocket && (e.code === 'ECONNRESET' || e.code === 'EPIPE');
        if (closedUnderUs && !retried) resolve(send(url, payload, headers, true));
        else reject(e);
      });
      request.end(payload);
    });
  return (url, body, headers) => send(url, Buffer.from(body), headers, false);
}
