// Holdfast's own dependencies failing, told apart from everything else. An outage of PostgreSQL is ours: a
// step waits it out and goes on; it never counts against a customer's channel or flags a case.
import { Prisma } from '@prisma/client';

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '08003',
  '08004',
]);
const PRISMA_UNREACHABLE = ['P1001', 'P1002', 'P1008', 'P1017', 'P2024'];
// What Prisma's driver adapter reports (meta.driverAdapterError.cause.kind) when the server cannot be reached.
const ADAPTER_UNREACHABLE = ['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections'];
const UNREACHABLE_TEXT =
  /Can't reach database server|timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED|database system is (starting|shutting) up|terminating connection due to administrator command|the database system is in recovery mode|Client has encountered a connection error|server closed the connection unexpectedly/i;

// PostgreSQL could not be reached or dropped the connection (refused, reset, timed out, restarting): the
// statement did not run, or ran in a transaction that was rolled back; running it again is the remedy.
export function databaseUnreachable(e: unknown): boolean {
  if (e instanceof Prisma.PrismaClientInitializationError) return true;
  if (e instanceof Prisma.PrismaClientKnownRequestError) {
    if (PRISMA_UNREACHABLE.includes(e.code)) return true;
    const kind = (e.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError
      ?.cause?.kind;
    if (kind && ADAPTER_UNREACHABLE.includes(kind)) return true;
  }
  for (let c: unknown = e, depth = 0; c && depth < 4; c = (c as { cause?: unknown }).cause, depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    if (UNREACHABLE_TEXT.test(String((c as Error).message ?? ''))) return true;
  }
  return false;
}
