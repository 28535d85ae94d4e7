// The dashboard's client (web/src/api.ts): openapi-fetch with the session's key, typed by the generated
// types; a refusal becomes an ApiError with the API's code, message and request id, and a 401 logs out.
import { answer, ApiError, createApi } from '../../web/src/api';

const realFetch = globalThis.fetch;
const NodeRequest = globalThis.Request;
// In the page a relative URL resolves against the page's origin; Node's Request has no page, so it is given one.
class PageRequest extends NodeRequest {
  constructor(input: string | URL | Request, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, 'http://dashboard.test') : input, init);
  }
}
beforeAll(() => {
  globalThis.Request = PageRequest;
});
afterAll(() => {
  globalThis.Request = NodeRequest;
});
let sent: Request[] = [];
function answering(status: number, body: unknown, type = 'application/json') {
  sent = [];
  globalThis.fetch = (async (request: Request) => {
    sent.push(request);
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'content-type': type },
    });
  }) as typeof fetch;
}
afterEach(() => {
  globalThis.fetch = realFetch;
});

test('a read sends the key, fills the path and leaves empty filters out of the query', async () => {
  answering(200, { items: [], nextCursor: null, stageCounts: {}, total: 0 });
  const api = createApi('hf_key', () => undefined);
  const board = await answer(
    api.GET('/v1/cases', { params: { query: { status: 'open', team: '', customerId: 'c 1', tier: undefined } } }),
  );
  expect(board.total).toBe(0);
  const url = new URL(sent[0]!.url);
  expect(`${url.pathname}${url.search}`).toBe('/v1/cases?status=open&customerId=c+1');
  expect(sent[0]!.headers.get('authorization')).toBe('Bearer hf_key');

  answering(200, { caseId: 'a/b' });
  await answer(api.GET('/v1/cases/{caseId}', { params: { path: { caseId: 'a/b' } } }));
  expect(new URL(sent[0]!.url).pathname).toBe('/v1/cases/a%2Fb');
});

test("a refusal is an ApiError with the API's code, message and request id", async () => {
  answering(409, { error: { code: 'wrong_stage', message: 'not at this stage', details: [], requestId: 'req-1' } });
  const loggedOut = jest.fn();
  const api = createApi('hf_key', loggedOut);
  const refused = answer(api.POST('/v1/cases/{caseId}/retry', { params: { path: { caseId: 'c1' } }, body: {} }));
  await expect(refused).rejects.toBeInstanceOf(ApiError);
  await expect(refused).rejects.toMatchObject({
    status: 409,
    code: 'wrong_stage',
    message: 'not at this stage',
    requestId: 'req-1',
  });
  expect(loggedOut).not.toHaveBeenCalled();
});

test('a 401 logs the session out; an answer that is not JSON still says what the server answered', async () => {
  answering(401, { error: { code: 'unauthenticated', message: 'unknown key', details: [] } });
  const loggedOut = jest.fn();
  await expect(answer(createApi('old', loggedOut).GET('/v1/me'))).rejects.toMatchObject({ code: 'unauthenticated' });
  expect(loggedOut).toHaveBeenCalledTimes(1);

  answering(502, 'Bad Gateway', 'text/plain');
  await expect(answer(createApi('k', () => undefined).GET('/v1/me'))).rejects.toMatchObject({
    status: 502,
    code: 'http_error',
    message: 'the server answered 502',
  });
});

test('a CSV download asks for text/csv and answers the file', async () => {
  answering(200, 'group,opened\r\n', 'text/csv');
  const api = createApi('k', () => undefined);
  const csv = await answer(
    api.GET('/v1/reports/retention', {
      params: { query: { groupBy: 'tier' } },
      headers: { accept: 'text/csv' },
      parseAs: 'blob',
    }),
  );
  expect(await csv.text()).toBe('group,opened\r\n');
  expect(sent[0]!.headers.get('accept')).toBe('text/csv');
});
