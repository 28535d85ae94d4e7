// The security headers, taken from helmet once at start, are helmet's own for every response: the same
// names and values, with a fresh nonce in the policy each time.
import type { Request, Response } from 'express';
import helmet from 'helmet';
import { HELMET_OPTIONS, cspNonceOf, securityHeaders } from '../../api/http/middleware/security-headers';

// A response that records what is set on it.
function recordingResponse(cspNonce?: string) {
  const headers = new Map<string, string>([['x-powered-by', 'Express']]);
  const res = {
    locals: cspNonce ? { cspNonce } : {},
    setHeader: (name: string, value: unknown) => void headers.set(name.toLowerCase(), String(value)),
    removeHeader: (name: string) => void headers.delete(name.toLowerCase()),
  };
  return { res: res as unknown as Response, headers };
}

function run(middleware: (req: Request, res: Response, next: (e?: unknown) => void) => void, res: Response) {
  let nextCalls = 0;
  middleware({} as Request, res, (e) => {
    if (e) throw e;
    nextCalls++;
  });
  expect(nextCalls).toBe(1);
}

test('each response gets exactly the headers helmet sets, with its own nonce in the policy', () => {
  const middleware = securityHeaders();
  const ours = [recordingResponse(), recordingResponse()];
  for (const { res } of ours) run(middleware, res);
  const [first, second] = ours.map(({ res }) => cspNonceOf(res));
  expect(first).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(second).not.toBe(first);

  for (const { res, headers } of ours) {
    const helmets = recordingResponse(cspNonceOf(res));
    run(helmet(HELMET_OPTIONS) as never, helmets.res);
    expect(Object.fromEntries(headers)).toEqual(Object.fromEntries(helmets.headers));
    expect(headers.get('content-security-policy')).toContain(`'nonce-${cspNonceOf(res)}'`);
    expect(headers.has('x-powered-by')).toBe(false);
  }
});
