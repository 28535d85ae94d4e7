// Hostile variants of a valid request: wrong types, missing and extra fields, huge and deeply nested JSON,
// control characters, SQL and path-traversal strings, wrong content types, broken JSON, repeated query keys,
// bad credentials. Each takes the valid request and a seeded random source, so a failure can be replayed.
export interface FuzzRequest {
  kind: string;
  method: string;
  path: string;
  query: [string, string][];
  headers: Record<string, string>;
  body?: string;
}

export type Random = () => number;

// mulberry32: small, seedable, good enough to pick mutations.
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A lone surrogate has no UTF-8 form: it goes out as the bytes of one, which are not valid UTF-8 either.
export const percentEncode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
};

export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

const MB = 1024 * 1024;
export const HOSTILE_STRINGS = [
  "' OR '1'='1'; DROP TABLE customers;--",
  '"; SELECT pg_sleep(5);--',
  '../../../../etc/passwd',
  '..%2f..%2f..%2fetc%2fpasswd',
  '..\\..\\windows\\win.ini',
  '\u0000',
  'nul\u0000byte',
  '\u202e\u0007\u001b[31m',
  '\ud800',
  '💥'.repeat(300),
  "Ω≈ç√∫˜µ≤≥÷ 日本語 Ñandú l'Hôpital",
  '\r\nX-Injected: 1',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent as plain text on purpose
  '${7*7}{{7*7}}<script>alert(1)</script>',
  ' ',
  '',
];
const WRONG_TYPES: unknown[] = [null, 42, -1.5e308, 'text', true, [], {}, [1, 'two'], { nested: { deeper: [null] } }];

type JsonObject = Record<string, unknown>;
const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

// A path to a field somewhere in the body (objects only), or [] for the body itself.
function fieldPaths(value: unknown, prefix: string[] = []): string[][] {
  if (!isObject(value)) return [prefix];
  const paths: string[][] = prefix.length ? [prefix] : [];
  for (const [key, v] of Object.entries(value)) paths.push(...fieldPaths(v, [...prefix, key]));
  return paths.length ? paths : [prefix];
}

function withField(body: unknown, path: string[], replace: (old: unknown) => unknown | typeof REMOVE): unknown {
  if (path.length === 0) {
    const next = replace(body);
    return next === REMOVE ? undefined : next;
  }
  const copy: JsonObject = isObject(body) ? { ...body } : {};
  const [head, ...rest] = path;
  if (rest.length === 0) {
    const next = replace(copy[head!]);
    if (next === REMOVE) delete copy[head!];
    else copy[head!] = next;
  } else copy[head!] = withField(copy[head!], rest, replace);
  return copy;
}
const REMOVE = Symbol('remove');

const deeplyNested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

type Mutation = (valid: FuzzRequest, parsed: unknown, random: Random, keys: { other: string }) => FuzzRequest;
const json = (r: FuzzRequest, body: unknown, kind: string): FuzzRequest => ({
  ...r,
  kind,
  body: body === undefined ? undefined : JSON.stringify(body),
  headers: { ...r.headers, 'content-type': 'application/json' },
});
const someField = (parsed: unknown, random: Random) => pick(random, fieldPaths(parsed));

// The given hostile string in a random text field of the body (any field when it has none).
export function withHostileString(r: FuzzRequest, parsed: unknown, random: Random, text: string): FuzzRequest {
  const paths = fieldPaths(parsed);
  const textPaths = paths.filter(
    (p) => typeof p.reduce<unknown>((v, k) => (isObject(v) ? v[k] : undefined), parsed) === 'string',
  );
  return json(
    r,
    withField(parsed, pick(random, textPaths.length ? textPaths : paths), () => text),
    'hostile-string',
  );
}

export const MUTATIONS: Record<string, Mutation> = {
  'wrong-type': (r, parsed, random) =>
    json(
      r,
      withField(parsed, someField(parsed, random), () => pick(random, WRONG_TYPES)),
      'wrong-type',
    ),
  'missing-field': (r, parsed, random) =>
    json(r, withField(parsed, someField(parsed, random), () => REMOVE) ?? {}, 'missing-field'),
  'extra-field': (r, parsed, random) =>
    json(
      r,
      {
        ...(isObject(parsed) ? parsed : {}),
        [pick(random, ['unexpected', 'actor', 'isAdmin', 'role'])]: pick(random, WRONG_TYPES),
      },
      'extra-field',
    ),
  'prototype-pollution': (r) => ({
    ...r,
    kind: 'prototype-pollution',
    headers: { ...r.headers, 'content-type': 'application/json' },
    body: '{"__proto__":{"role":"admin","isAdmin":true},"constructor":{"prototype":{"polluted":1}}}',
  }),
  'hostile-string': (r, parsed, random) => withHostileString(r, parsed, random, pick(random, HOSTILE_STRINGS)),
  'huge-string': (r, parsed, random) =>
    json(
      r,
      withField(parsed, someField(parsed, random), () => 'A'.repeat(MB)),
      'huge-string',
    ),
  'huge-array': (r, parsed, random) =>
    json(
      r,
      withField(parsed, someField(parsed, random), () => new Array(150_000).fill(0)),
      'huge-array',
    ),
  'deep-nesting': (r, _parsed, random) => ({
    ...r,
    kind: 'deep-nesting',
    headers: { ...r.headers, 'content-type': 'application/json' },
    body: `{"a":${deeplyNested(pick(random, [100, 5_000, 100_000]))}}`,
  }),
  'too-large': (r) => ({
    ...r,
    kind: 'too-large',
    headers: { ...r.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ padding: 'B'.repeat(3 * MB) }),
  }),
  'broken-json': (r, _parsed, random) => ({
    ...r,
    kind: 'broken-json',
    headers: { ...r.headers, 'content-type': 'application/json' },
    body: pick(random, ['{"a":', '{', '[1,]', 'nul', '{"a":1}}', "{'a':1}", '\u0000', '{"a":"\\x00"}', '\ufeff{}']),
  }),
  'content-type': (r, _parsed, random) => ({
    ...r,
    kind: 'content-type',
    headers: {
      ...r.headers,
      'content-type': pick(random, [
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-7',
        'application/x-www-form-urlencoded',
        'application/json; charset=latin1',
      ]),
    },
  }),
  'no-content-type': (r) => {
    const headers = { ...r.headers };
    delete headers['content-type'];
    return { ...r, kind: 'no-content-type', headers };
  },
  'path-param': (r, _parsed, random) => {
    const segments = r.path.split('/');
    const index =
      segments.length > 3
        ? pick(
            random,
            segments.map((_, i) => i).filter((i) => i >= 3),
          )
        : segments.length - 1;
    segments[index] = percentEncode(pick(random, [...HOSTILE_STRINGS.filter(Boolean), 'x'.repeat(10_000)])).replace(
      /%2F/gi,
      pick(random, ['%2F', '/']),
    );
    return { ...r, kind: 'path-param', path: segments.join('/') };
  },
  'query-value': (r, _parsed, random) => ({
    ...r,
    kind: 'query-value',
    query: [
      ...r.query.map(
        ([k]) => [k, pick(random, [...HOSTILE_STRINGS, 'x'.repeat(20_000), '-1', '1e309'])] as [string, string],
      ),
      [pick(random, ['limit', 'cursor', 'from', 'unexpected']), pick(random, HOSTILE_STRINGS)],
    ],
  }),
  'repeated-query': (r, _parsed, random) => ({
    ...r,
    kind: 'repeated-query',
    query: [
      ...r.query,
      ...r.query,
      [pick(random, ['limit', 'stage', 'sort', 'from']), '1'],
      [pick(random, ['limit', 'stage', 'sort', 'from']), '2'],
    ],
  }),
  'bad-credentials': (r, _parsed, random, keys) => ({
    ...r,
    kind: 'bad-credentials',
    headers: {
      ...r.headers,
      authorization: pick(random, [
        '',
        'Bearer',
        'Bearer hf_admin_000000000000_forged',
        `Basic ${Buffer.from('a:b').toString('base64')}`,
        `Bearer ${keys.other}`,
        `Bearer ${'k'.repeat(8000)}`,
      ]),
    },
  }),
};
