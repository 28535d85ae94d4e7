// Recognising PostgreSQL/Prisma errors by what they mean, written once.
import { Prisma } from '@prisma/client';

// A unique constraint refused the row: someone (a retry, a concurrent request) wrote it first.
export const isUniqueViolation = (e: unknown): boolean =>
  e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';
