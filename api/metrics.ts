// Prometheus metrics of one API process (prom-client): request latency by route, signal intake by what
// became of each signal, and the case and delivery figures read from PostgreSQL at scrape time (the same in
// every API process: aggregate them with max, not sum). docs/observability.md lists them.
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Sql } from '../config/sql';
import type { DependencyWatches } from './dependency-watch';
import { CRM_BACKLOG } from './services/operations-status';

export interface ApiMetrics {
  registry: Registry;
  observeRequests(): (req: Request, res: Response, next: NextFunction) => void;
  countSignal(outcome: 'case' | 'duplicate' | 'stored' | 'cooling_down' | 'refused'): void;
}

// One statement for every figure read from the database.
const FIGURES_SQL = `
  SELECT 'stage' AS kind, stage AS a, '' AS b, count(*)::int AS n FROM cases WHERE status = 'open' GROUP BY stage
  UNION ALL SELECT 'closed', coalesce(outcome, 'none'), '', count(*)::int FROM cases WHERE status = 'closed' GROUP BY outcome
  UNION ALL SELECT 'send', channel, status, count(*)::int FROM contact_attempts GROUP BY channel, status
  UNION ALL SELECT 'outbox', '', '', (${CRM_BACKLOG})`;

function databaseGauges(registry: Registry, sql: Sql): void {
  // The gauges are collected in parallel; one query per scrape serves them all.
  let pending: Promise<void> | undefined;
  const refresh = () => (pending ??= load().finally(() => setImmediate(() => (pending = undefined))));
  const gauge = (name: string, help: string, labelNames: string[] = []) =>
    new Gauge({ name, help, labelNames, registers: [registry], collect: refresh });
  const stage = gauge('holdfast_open_cases', 'Open cases by stage', ['stage']);
  const closed = gauge('holdfast_closed_cases', 'Closed cases by outcome (all time)', ['outcome']);
  const sends = gauge('holdfast_contact_attempts', 'Contact attempts by channel and result (all time)', [
    'channel',
    'result',
  ]);
  const backlog = gauge('holdfast_crm_outbox_backlog', 'Case events not yet delivered to the CRM');
  // While PostgreSQL is down the figures keep their last values; holdfast_dependency_up says why.
  async function load(): Promise<void> {
    const rows = await sql.query<{ kind: string; a: string; b: string; n: number }>(FIGURES_SQL).then(
      (r) => r.rows,
      () => undefined,
    );
    if (!rows) return;
    for (const g of [stage, closed, sends, backlog]) g.reset();
    backlog.set(0);
    for (const r of rows) {
      if (r.kind === 'stage') stage.set({ stage: r.a }, r.n);
      else if (r.kind === 'closed') closed.set({ outcome: r.a }, r.n);
      else if (r.kind === 'send') sends.set({ channel: r.a, result: r.b }, r.n);
      else backlog.set(r.n);
    }
  }
}

// Outages of PostgreSQL and Temporal as this process's probe sees them (api/dependency-watch.ts).
function dependencyGauges(registry: Registry, watches: DependencyWatches): void {
  const all = () => [watches.postgresql, watches.temporal];
  new Gauge({
    name: 'holdfast_dependency_up',
    help: 'Whether this process reaches the dependency (1) or not (0)',
    labelNames: ['dependency'],
    registers: [registry],
    collect() {
      for (const w of all()) this.set({ dependency: w.dependency }, w.down ? 0 : 1);
    },
  });
  new Gauge({
    name: 'holdfast_dependency_outage_seconds',
    help: 'Length of the outage under way (0 when none)',
    labelNames: ['dependency'],
    registers: [registry],
    collect() {
      for (const w of all()) this.set({ dependency: w.dependency }, w.current()?.seconds ?? 0);
    },
  });
  new Gauge({
    name: 'holdfast_dependency_outages_ended',
    help: 'Outages this process has seen end since it started',
    labelNames: ['dependency'],
    registers: [registry],
    collect() {
      for (const w of all()) this.set({ dependency: w.dependency }, w.endedCount);
    },
  });
}

export function createApiMetrics(sql: Sql, dependencies?: DependencyWatches): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'holdfast_api_' });
  const latency = new Histogram({
    name: 'holdfast_http_request_duration_seconds',
    help: 'API request latency by method, route (the pattern, never ids) and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const signals = new Counter({
    name: 'holdfast_signals_total',
    help: 'Risk signals received by what became of them',
    labelNames: ['outcome'],
    registers: [registry],
  });
  databaseGauges(registry, sql);
  if (dependencies) dependencyGauges(registry, dependencies);
  return {
    registry,
    observeRequests: () => (req, res, next) => {
      const end = latency.startTimer();
      res.on('finish', () => {
        const route = req.route ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
        end({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    },
    countSignal: (outcome) => signals.inc({ outcome }),
  };
}

// What became of a signal, from the intake's answer.
export function signalOutcome(answer: {
  status: number;
  body: { duplicate?: boolean; caseId?: string | null; coolingDownUntil?: string };
}): 'case' | 'duplicate' | 'stored' | 'cooling_down' {
  if (answer.body.duplicate) return 'duplicate';
  if (answer.body.coolingDownUntil) return 'cooling_down';
  return answer.body.caseId ? 'case' : 'stored';
}
