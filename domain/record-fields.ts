// The id and time fields of what the bank sends (customers, signals, teams, agents): one spelling and one
// message for each, wherever the API or the customer CSV takes them.
import { z } from 'zod';

export const isoDateTime = z.iso.datetime({
  offset: true,
  message: 'an ISO-8601 date-time with offset, e.g. 2026-11-22T09:30:00+01:00',
});

export const idSchema = z
  .string()
  .trim()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'ids use letters, digits, ".", "_", ":" and "-"');
