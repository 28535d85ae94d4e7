// Recognising PostgreSQL/Prisma errors by what they mean, written once.
import { Prisma } from '@prisma/client';

// A unique constraint refused the row: someone (a retry, a concurrent request) wrote it first. Prisma reports
// it as P2002; node-postgres passes PostgreSQL's SQLSTATE 23505 through.
export const isUniqueViolation = (e: unknown): boolean =>
  (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') || (e instanceof Error && (e as { code?: unknown }).code === '23505');
