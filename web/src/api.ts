// The dashboard's only way to the server: fetch with the session's API key; errors carry the API's
// message and request id so a person can act on them or report them.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
  ) {
    super(message);
  }
}

export interface Api {
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown, extraHeaders?: Record<string, string>): Promise<T>;
  put<T>(path: string, body: unknown): Promise<T>;
  del(path: string): Promise<void>;
  download(path: string, accept: string): Promise<Blob>;
}

export function createApi(key: string, onUnauthenticated: () => void): Api {
  async function send(
    method: string,
    path: string,
    body?: unknown,
    accept = 'application/json',
    extraHeaders: Record<string, string> = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { ...extraHeaders, authorization: `Bearer ${key}`, accept };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (res.ok) return res;
    const payload = (await res.json().catch(() => ({}))) as {
      error?: { code: string; message: string; requestId?: string };
    };
    if (res.status === 401) onUnauthenticated();
    const e = payload.error;
    throw new ApiError(
      res.status,
      e?.code ?? 'http_error',
      e?.message ?? `the server answered ${res.status}`,
      e?.requestId,
    );
  }
  return {
    get: async (path) => (await send('GET', path)).json(),
    post: async (path, body, extraHeaders) => (await send('POST', path, body, 'application/json', extraHeaders)).json(),
    put: async (path, body) => (await send('PUT', path, body)).json(),
    del: async (path) => void (await send('DELETE', path)),
    download: async (path, accept) => (await send('GET', path, undefined, accept)).blob(),
  };
}

// Query string from an object, leaving out empty values.
export function query(params: Record<string, string | number | boolean | undefined>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '' && v !== false);
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
