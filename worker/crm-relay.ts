// Delivers the CRM outbox: oldest first, one event at a time per case (so the CRM sees each case's events in
// order), many cases at once. A failed delivery backs off that case only; a CRM outage of any length delays
// the CRM, never the playbook, and loses nothing. One process per task queue holds a lease and relays; the
// others stand by and take over when it lapses (a killed worker).
import { randomUUID } from 'node:crypto';
import type { CrmCaseEvent, CrmClient, CustomerErasure, FulfilmentTask } from '../activities/clients/crm';
import type { Sql } from '../config/sql';
import type { Logger } from '../config/logger';
import { databaseUnreachable } from '../config/dependency-outage';
import { keepOutage } from '../config/outage-record';
import { OutageWatch } from '../config/outage-watch';

export interface CrmRelayOptions {
  sql: Sql;
  crm: CrmClient;
  taskQueue: string;
  logger: Logger;
  // How often an idle relay looks for new rows.
  pollMs?: number;
  // How long a lease lasts without renewal before another process takes over.
  leaseMs?: number;
  // Cases delivered at the same time.
  concurrency?: number;
  // How often a PostgreSQL outage is logged again while it lasts.
  outageRemindMs?: number;
}

interface OutboxHead {
  id: string;
  kind: string;
  idempotency_key: string;
  payload: unknown;
  attempts: number;
}

// 1 s, 2 s, 4 s ... capped at a minute.
const crmRetryDelayMs = (attempts: number) => Math.min(60_000, 1_000 * 2 ** Math.max(0, attempts - 1));

// The relay's SQL: the lease that keeps one relay per task queue, the due rows, and their acknowledgements.
async function holdRelayLease(sql: Sql, taskQueue: string, holder: string, leaseMs: number): Promise<boolean> {
  const { rowCount } = await sql.query({
    name: 'crm-relay-lease',
    text: `INSERT INTO crm_relay_leases (task_queue, holder, until) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
      ON CONFLICT (task_queue) DO UPDATE SET holder = excluded.holder, until = excluded.until
      WHERE crm_relay_leases.holder = excluded.holder OR crm_relay_leases.until < now()`,
    values: [taskQueue, holder, leaseMs],
  });
  return rowCount === 1;
}

// The oldest undelivered row of each case, when it is due.
async function dueOutboxHeads(sql: Sql, taskQueue: string): Promise<OutboxHead[]> {
  const { rows } = await sql.query<OutboxHead>({
    name: 'crm-relay-heads',
    text: `SELECT o.id, o.kind, o.idempotency_key, o.payload, o.attempts FROM crm_outbox o
      WHERE o.task_queue = $1 AND o.delivered_at IS NULL AND o.next_attempt_at <= now()
        AND NOT EXISTS (SELECT 1 FROM crm_outbox p WHERE p.case_id = o.case_id AND p.delivered_at IS NULL AND p.id < o.id)
      ORDER BY o.id LIMIT 500`,
    values: [taskQueue],
  });
  return rows;
}

function markFailed(sql: Sql, id: string, attempts: number, e: unknown) {
  return sql.query({
    name: 'crm-relay-failed',
    text: 'UPDATE crm_outbox SET attempts = $2, last_error = $3, next_attempt_at = $4 WHERE id = $1',
    values: [
      id,
      attempts,
      String((e as Error).message ?? e).slice(0, 500),
      new Date(Date.now() + crmRetryDelayMs(attempts)),
    ],
  });
}

function markDelivered(sql: Sql, ids: string[]) {
  return sql.query({
    name: 'crm-relay-delivered',
    text: 'UPDATE crm_outbox SET delivered_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::bigint[])',
    values: [ids],
  });
}

interface RelayCycle {
  sql: Sql;
  crm: CrmClient;
  taskQueue: string;
  logger: Logger;
  holder: string;
  leaseMs: number;
  concurrency: number;
}

// Delivers one row; true when the CRM took it. A failure is recorded at once, with its backoff.
async function deliver(relay: RelayCycle, row: OutboxHead): Promise<boolean> {
  try {
    if (row.kind === 'fulfilment_task')
      await relay.crm.createFulfilmentTask(row.payload as FulfilmentTask, row.idempotency_key);
    else if (row.kind === 'customer_erased')
      await relay.crm.pushCustomerErasure(row.payload as CustomerErasure, row.idempotency_key);
    else await relay.crm.pushCaseEvent(row.payload as CrmCaseEvent, row.idempotency_key);
    return true;
  } catch (e) {
    const attempts = row.attempts + 1;
    await markFailed(relay.sql, row.id, attempts, e);
    if (attempts === 1 || attempts % 10 === 0)
      relay.logger.warn('CRM delivery failed, will retry', { key: row.idempotency_key, attempts, error: String(e) });
    return false;
  }
}

// One pass over the due rows, when this process holds the lease. Each group's deliveries are acknowledged in
// one statement before the next group starts: a case's next event is only sent once the previous one is
// marked delivered (a crash in between resends it, under the same idempotency key).
async function relayCycle(relay: RelayCycle): Promise<number> {
  if (!(await holdRelayLease(relay.sql, relay.taskQueue, relay.holder, relay.leaseMs))) return 0;
  const heads = await dueOutboxHeads(relay.sql, relay.taskQueue);
  for (let i = 0; i < heads.length; i += relay.concurrency) {
    const group = heads.slice(i, i + relay.concurrency);
    const delivered = await Promise.all(group.map((row) => deliver(relay, row)));
    const ids = group.filter((_, j) => delivered[j]).map((row) => row.id);
    if (ids.length > 0) await markDelivered(relay.sql, ids);
  }
  return heads.length;
}

export function startCrmRelay(options: CrmRelayOptions): { outage: OutageWatch; stop(): Promise<void> } {
  const { sql, crm, taskQueue, logger } = options;
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 10_000;
  const concurrency = options.concurrency ?? 16;
  const holder = `relay-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let wake: (() => void) | undefined;
  // A PostgreSQL outage is logged when it starts, now and then while it lasts, and when it ends; the relay
  // backs off meanwhile instead of failing four times a second.
  const database = new OutageWatch('PostgreSQL', logger.child({ loop: 'crm-relay' }), {
    remindEveryMs: options.outageRemindMs,
    onEnd: (outage) => keepOutage(sql, `worker ${process.pid} (crm relay)`, outage),
  });
  let unexpectedFailures = 0;

  const cycle = () => relayCycle({ sql, crm, taskQueue, logger, holder, leaseMs, concurrency });

  // How long to wait after a cycle: the poll interval when idle, a back-off when the cycle failed.
  async function cycleOrBackOff(): Promise<number> {
    try {
      const worked = await cycle();
      database.succeeded();
      unexpectedFailures = 0;
      return worked > 0 ? 0 : pollMs;
    } catch (e) {
      if (databaseUnreachable(e)) return database.failed(e);
      unexpectedFailures++;
      logger.warn('CRM relay cycle failed', { error: String(e), failures: unexpectedFailures });
      return Math.min(30_000, pollMs * 2 ** Math.min(unexpectedFailures, 8));
    }
  }

  const loop = (async () => {
    while (!stopped) {
      const delayMs = await cycleOrBackOff();
      if (delayMs > 0 && !stopped) {
        await new Promise<void>((r) => {
          wake = r;
          setTimeout(r, delayMs);
        });
      }
    }
  })();

  return {
    outage: database,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      // Hand the lease over at once rather than after it lapses.
      await sql
        .query('DELETE FROM crm_relay_leases WHERE task_queue = $1 AND holder = $2', [taskQueue, holder])
        .catch(() => undefined);
    },
  };
}
