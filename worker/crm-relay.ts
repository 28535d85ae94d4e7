// Delivers the CRM outbox: oldest first, one event at a time per case (so the CRM sees each case's events in
// order), many cases at once. A failed delivery backs off that case only; a CRM outage of any length delays
// the CRM, never the playbook, and loses nothing. One process per task queue holds a lease and relays; the
// others stand by and take over when it lapses (a killed worker).
import { randomUUID } from 'node:crypto';
import type { CrmCaseEvent, CrmClient, FulfilmentTask } from '../activities/clients/crm';
import type { Db } from '../config/database';
import type { Logger } from '../config/logger';

export interface CrmRelayOptions {
  db: Db;
  crm: CrmClient;
  taskQueue: string;
  logger: Logger;
  // How often an idle relay looks for new rows.
  pollMs?: number;
  // How long a lease lasts without renewal before another process takes over.
  leaseMs?: number;
  // Cases delivered at the same time.
  concurrency?: number;
}

interface OutboxHead {
  id: bigint;
  kind: string;
  idempotency_key: string;
  payload: unknown;
  attempts: number;
}

// 1 s, 2 s, 4 s ... capped at a minute.
export const crmRetryDelayMs = (attempts: number) => Math.min(60_000, 1_000 * 2 ** Math.max(0, attempts - 1));

export function startCrmRelay(options: CrmRelayOptions): { stop(): Promise<void> } {
  const { db, crm, taskQueue, logger } = options;
  const pollMs = options.pollMs ?? 250;
  const leaseMs = options.leaseMs ?? 10_000;
  const concurrency = options.concurrency ?? 16;
  const holder = `relay-${process.pid}-${randomUUID().slice(0, 8)}`;
  let stopped = false;
  let wake: (() => void) | undefined;

  async function holdLease(): Promise<boolean> {
    const rows = await db.$queryRaw<{ holder: string }[]>`
      INSERT INTO crm_relay_leases (task_queue, holder, until) VALUES (${taskQueue}, ${holder}, now() + ${leaseMs} * interval '1 millisecond')
      ON CONFLICT (task_queue) DO UPDATE SET holder = excluded.holder, until = excluded.until
      WHERE crm_relay_leases.holder = excluded.holder OR crm_relay_leases.until < now()
      RETURNING holder`;
    return rows.length === 1;
  }

  // The oldest undelivered row of each case, when it is due.
  const dueHeads = () => db.$queryRaw<OutboxHead[]>`
    SELECT o.id, o.kind, o.idempotency_key, o.payload, o.attempts FROM crm_outbox o
    WHERE o.task_queue = ${taskQueue} AND o.delivered_at IS NULL AND o.next_attempt_at <= now()
      AND NOT EXISTS (SELECT 1 FROM crm_outbox p WHERE p.case_id = o.case_id AND p.delivered_at IS NULL AND p.id < o.id)
    ORDER BY o.id LIMIT 500`;

  async function deliver(row: OutboxHead): Promise<void> {
    try {
      if (row.kind === 'fulfilment_task') await crm.createFulfilmentTask(row.payload as FulfilmentTask, row.idempotency_key);
      else await crm.pushCaseEvent(row.payload as CrmCaseEvent, row.idempotency_key);
      await db.crmOutbox.update({ where: { id: row.id }, data: { deliveredAt: new Date(), attempts: row.attempts + 1, lastError: null } });
    } catch (e) {
      const attempts = row.attempts + 1;
      await db.crmOutbox.update({ where: { id: row.id }, data: { attempts, lastError: String((e as Error).message ?? e).slice(0, 500), nextAttemptAt: new Date(Date.now() + crmRetryDelayMs(attempts)) } });
      if (attempts === 1 || attempts % 10 === 0) logger.warn('CRM delivery failed, will retry', { key: row.idempotency_key, attempts, error: String(e) });
    }
  }

  async function cycle(): Promise<number> {
    if (!(await holdLease())) return 0;
    const heads = await dueHeads();
    for (let i = 0; i < heads.length; i += concurrency) await Promise.all(heads.slice(i, i + concurrency).map(deliver));
    return heads.length;
  }

  const loop = (async () => {
    while (!stopped) {
      let worked = 0;
      try {
        worked = await cycle();
      } catch (e) {
        logger.warn('CRM relay cycle failed', { error: String(e) });
      }
      if (worked === 0 && !stopped) await new Promise<void>((r) => ((wake = r), setTimeout(r, pollMs)));
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      // Hand the lease over at once rather than after it lapses.
      await db.crmRelayLease.deleteMany({ where: { taskQueue, holder } }).catch(() => undefined);
    },
  };
}
