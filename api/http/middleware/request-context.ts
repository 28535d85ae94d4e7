// Every request gets an id (the caller's X-Request-Id when it is sane) and a logger that stamps it on
// each line, and leaves one access-log line when it finishes. The line names the API key by its id (what an
// admin revokes), never by its holder's name, and a survey link's token is masked: the token alone answers
// the survey.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../../config/logger';

// Survey tokens (/s/<token>, /v1/surveys/<token>) become "***".
export const maskedPath = (path: string) => path.replace(/^(\/s\/|\/v1\/surveys\/)[^/]+/, '$1***');

export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const principal = res.locals.principal as { keyId: string; role: string } | undefined;
      requestLog(res).info('request', {
        method: req.method,
        path: maskedPath(req.path),
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        key: principal ? `${principal.role}:${principal.keyId}` : undefined,
      });
    });
    next();
  };
}

export const requestLog = (res: Response) => res.locals.log as Logger;
