// The HTTP edge is the one place a domain error becomes an answer: each kind gets its status, and every answer
// keeps { code, message, details } and adds the params the message is made of, so a client can say it in
// another language.
import type { Request, Response } from 'express';
import { errorHandler } from '../../api/http/error-handler';
import { HttpError } from '../../api/http/errors';
import { createLogger } from '../../config/logger';
import { caseAlreadyOpen, caseClosed, stepPending } from '../../domain/errors/case-errors';
import { consentOptedOut, noConsentedChannel } from '../../domain/errors/customer-errors';
import { DomainError, ERROR_KINDS, type ErrorKind } from '../../domain/errors/domain-error';
import { experimentStatusRefused } from '../../domain/errors/experiment-errors';

type Answer = { status: number; headers: Record<string, string>; body: Record<string, unknown> };

// Runs the real error handler on one error, as Express would after a route threw it.
function answerTo(err: unknown): Answer {
  const answer: Answer = { status: 0, headers: {}, body: {} };
  const res = {
    locals: { requestId: 'req-1' },
    setHeader(name: string, value: string) {
      answer.headers[name] = value;
    },
    status(code: number) {
      answer.status = code;
      return this;
    },
    json(body: Record<string, unknown>) {
      answer.body = body;
      return this;
    },
  };
  const req = { method: 'POST', path: '/v1/anything' };
  const quiet = createLogger('error', {}, () => undefined);
  errorHandler(quiet)(err, req as Request, res as unknown as Response, () => undefined);
  return answer;
}

// Written out, not read from the edge's table: a kind that changed status would change what clients see.
const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  unprocessable: 422,
  abandoned: 499,
  unavailable: 503,
};

test.each(ERROR_KINDS.map((kind) => [kind, STATUS[kind]] as const))(
  'a %s domain error is answered %i with its code, message, details and params',
  (kind, status) => {
    const err = new DomainError(kind, 'some_code', { customerId: 'c-1', versions: [1, 2] }, 'the English words', {
      details: [{ path: 'body.x' }],
    });
    const answer = answerTo(err);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({
      error: {
        code: 'some_code',
        message: 'the English words',
        details: [{ path: 'body.x' }],
        params: { customerId: 'c-1', versions: [1, 2] },
        requestId: 'req-1',
      },
    });
    expect(answer.headers['Retry-After']).toBe(kind === 'unavailable' ? '5' : undefined);
  },
);

test('the fields 1.0 answered beside "error" are still there, and the same facts are in params', () => {
  const answer = answerTo(caseAlreadyOpen('c-1', 'case_9'));
  expect(answer.status).toBe(409);
  expect(answer.body).toMatchObject({
    caseId: 'case_9',
    error: {
      code: 'case_already_open',
      message: 'customer c-1 already has an open case',
      params: { customerId: 'c-1', caseId: 'case_9' },
    },
  });
  expect(answerTo(caseClosed('assigned')).body).toMatchObject({
    stage: 'assigned',
    error: { code: 'wrong_stage', details: [{ stage: 'assigned' }], params: { stage: 'assigned' } },
  });
});

test("a refusal's message is made from its params alone: the same params say the same thing", () => {
  const refusals = [
    stepPending({ deadlineSeconds: 5, keyed: false }),
    experimentStatusRefused({ experimentId: 'exp-1', status: 'stopped', action: 'resume' }),
    noConsentedChannel({ customerId: 'c-1', channels: { sms: 'no_consent', email: 'no_address', phone: 'ok' } }),
    consentOptedOut('c-1', [{ channel: 'sms', source: 'sms_stop', at: '2026-12-01T10:00:00.000Z' }]),
  ];
  expect(refusals.map((e) => [e.code, e.message])).toEqual([
    [
      'step_pending',
      'the case did not answer within 5 s (its workers are busy or down) and may still take this step: send it with an Idempotency-Key header next time, so a retry cannot take it twice; read the case to see whether it was taken',
    ],
    ['experiment_not_paused', 'experiment exp-1 is stopped; it cannot be resumed'],
    [
      'no_consented_channel',
      'customer c-1 cannot be contacted on any channel (sms: no consent, email: no address, phone: ok); record their consent (POST /v1/customers/c-1/consent) or their contact details first',
    ],
    [
      'consent_opted_out',
      "the customer opted out of sms (opted out by sms_stop at 2026-12-01T10:00:00.000Z); send consent.sms: false, or record the customer's new consent with POST /v1/customers/c-1/consent",
    ],
  ]);
  // Params are plain JSON: what the client receives is what the message was made from.
  for (const e of refusals) expect(JSON.parse(JSON.stringify(e.params))).toEqual(e.params);
});

test("the edge's own refusals and an unexpected failure carry params too, so every answer has one shape", () => {
  expect(answerTo(new HttpError(401, 'unauthenticated', 'send an API key')).body).toMatchObject({
    error: { code: 'unauthenticated', params: {} },
  });
  const failure = answerTo(new Error('boom'));
  expect(failure.status).toBe(500);
  expect(failure.body).toMatchObject({ error: { code: 'internal_error', details: [], params: {} } });
});
