// Playbook durations as short strings ("30s", "15m", "4h", "3d"): readable in data, exact in milliseconds.
import { z } from 'zod';

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export const durationSchema = z
  .string()
  .regex(/^\d+(s|m|h|d)$/, 'a duration is a whole number followed by s, m, h or d, e.g. "30s" or "3d"');
export type Duration = z.infer<typeof durationSchema>;

export function durationMs(duration: Duration): number {
  const match = /^(\d+)(s|m|h|d)$/.exec(duration);
  if (!match) throw new Error(`not a duration: ${duration}`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
