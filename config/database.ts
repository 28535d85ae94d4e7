// Prisma Client over node-postgres (driver adapter): no native query engine needed.
import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';

export type Db = PrismaClient;

// Bounded waits: with PostgreSQL down a request fails within seconds (the API answers 503) instead of hanging.
export function createDb(databaseUrl: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000, statement_timeout: 30_000 }),
  });
}
