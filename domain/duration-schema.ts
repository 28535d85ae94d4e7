// How playbook data declares a duration (see duration.ts for converting one).
import { z } from 'zod';
import { DURATION_PATTERN } from './duration';

export const durationSchema = z
  .string()
  .regex(DURATION_PATTERN, 'a duration is a whole number followed by s, m, h or d, e.g. "30s" or "3d"');
