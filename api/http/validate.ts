// zod validation of bodies, queries and path parameters, with messages that say what to change.
import type { z } from 'zod';
import { HttpError } from './errors';

export function parse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'path' | 'headers',
): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message }));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new HttpError(
    400,
    'validation_failed',
    `the request ${where} ${where === 'headers' ? 'are' : 'is'} invalid: ${summary}`,
    details,
    {},
    undefined,
    { where, issues: details },
  );
}
