// The dashboard's only way to the server: openapi-fetch, typed by the types generated from the OpenAPI document
// the API serves (api-schema.d.ts), with the session's API key; errors carry the API's message and request id so
// a person can act on them or report them.
import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './api-schema';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId?: string,
    // The refusal's parameters: with the code they rebuild the sentence in the dashboard's language.
    readonly params: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

// JSON answers only: a CSV download asks for it with parseAs: 'blob'.
export type Api = Client<paths, 'application/json'>;

export function createApi(key: string, onUnauthenticated: () => void): Api {
  const api = createClient<paths, 'application/json'>({
    headers: { authorization: `Bearer ${key}`, accept: 'application/json' },
    querySerializer: query,
  });
  api.use({
    onResponse: ({ response }) => {
      if (response.status === 401) onUnauthenticated();
    },
  });
  return api;
}

// An answer's data; a refusal thrown as an ApiError with the API's code and message.
export async function answer<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await pending;
  if (response.ok) return data as T;
  const e = (
    error as
      | { error?: { code?: string; message?: string; requestId?: string; params?: Record<string, unknown> } }
      | undefined
  )?.error;
  throw new ApiError(
    response.status,
    e?.code ?? 'http_error',
    e?.message ?? `the server answered ${response.status}`,
    e?.requestId,
    e?.params ?? {},
  );
}

// Query string from an object, leaving out empty values.
function query(params: Record<string, unknown>): string {
  const entries = Object.entries(params).filter(([, v]) => v !== undefined && v !== '' && v !== false);
  return entries.length
    ? `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)])).toString()}`
    : '';
}
