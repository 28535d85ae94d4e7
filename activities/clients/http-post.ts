// POSTs over kept-alive connections and answers with the status and body. The CRM relay posts every timeline
// event, so this is on the hot path: node:http with a keep-alive agent costs a fraction of the CPU of fetch()
// per request (fetch builds WHATWG streams, headers and an abort signal for each call).
import http from 'node:http';
import https from 'node:https';

export interface HttpAnswer {
  status: number;
  body: string;
}

export type HttpPost = (url: URL, body: string, headers: Record<string, string>) => Promise<HttpAnswer>;

// `timeoutMs`: how long a request may wait for the server (connection or answer) before it fails.
export function httpPoster(timeoutMs: number): HttpPost {
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  return (url, body, headers) =>
    new Promise((resolve, reject) => {
      const payload = Buffer.from(body);
      const secure = url.protocol === 'https:';
      const request = (secure ? https : http).request(
        url,
        { method: 'POST', agent: secure ? agents.https : agents.http, timeout: timeoutMs, headers: { ...headers, 'content-length': payload.length } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer from ${url.origin} within ${timeoutMs} ms`)));
      request.on('error', reject);
      request.end(payload);
    });
}
