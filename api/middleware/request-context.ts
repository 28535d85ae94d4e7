// Every request gets an id (the caller's X-Request-Id when it is sane) and a logger that stamps it on
// each line, and leaves one access-log line when it finishes.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../config/logger';

export function requestContext(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const given = req.header('x-request-id');
    const requestId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
    res.locals.requestId = requestId;
    res.locals.log = logger.child({ requestId });
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const principal = res.locals.principal as { name: string; role: string } | undefined;
      requestLog(res).info('request', {
        method: req.method,
        path: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        key: principal ? `${principal.role}:${principal.name}` : undefined,
      });
    });
    next();
  };
}

export const requestLog = (res: Response) => res.locals.log as Logger;
