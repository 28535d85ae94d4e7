// PostgreSQL text cannot hold a NUL character, and an unpaired UTF-16 surrogate has no UTF-8 form: either
// would reach the database as an error (a 500) or, worse, as mangled text. Refused here, for every body and
// query value, with where it was. (The fuzz test found both.)
import type { NextFunction, Request, Response } from 'express';
import { HttpError } from '../errors';

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// The path of the first unstorable string, walking without recursion (bodies may nest deep).
function unstorableAt(root: unknown, rootPath: string): string | undefined {
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return path;
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (UNSTORABLE.test(k)) return path;
        stack.push([v, `${path}.${k}`]);
      }
    }
  }
  return undefined;
}

export function refuseUnstorableText() {
  return (req: Request, _res: Response, next: NextFunction) => {
    const at = unstorableAt(req.body, 'body') ?? unstorableAt(req.query, 'query');
    if (at)
      throw new HttpError(
        400,
        'invalid_text',
        `${at} holds a NUL character or an unpaired UTF-16 surrogate, which cannot be stored; send valid Unicode text`,
        [{ path: at }],
      );
    next();
  };
}
