// The benchmark table as Markdown: one line per figure, with its baseline and the ratio where there is one.
import type { benchCosts } from '../costs';
import type { benchImport } from '../import';
import type { benchIntake } from '../intake';
import type { benchLatency } from '../latency';
import type { benchParked } from '../parked';
import type { benchReads } from '../reads';
import type { benchStartReads } from '../start-reads';
import type { machine } from './measure';

type Results = {
  at?: unknown;
  machine?: ReturnType<typeof machine>;
  costs?: Awaited<ReturnType<typeof benchCosts>>;
  intake?: Awaited<ReturnType<typeof benchIntake>>;
  latency?: Awaited<ReturnType<typeof benchLatency>>;
  reads?: Awaited<ReturnType<typeof benchReads>>;
  startReads?: Awaited<ReturnType<typeof benchStartReads>>;
  parked?: Awaited<ReturnType<typeof benchParked>>;
  import?: Awaited<ReturnType<typeof benchImport>>;
  totalSeconds?: unknown;
};

const ms = (p: Record<string, number>) =>
  Object.values(p)
    .map((v) => Math.round(v))
    .join(' / ');

export function renderMarkdown(input: Record<string, unknown>): string {
  const r = input as Results;
  const m = r.machine!;
  const lines = [
    `Holdfast benchmarks, ${String(r.at)} (${String(r.totalSeconds)} s): ${m.cores} cores (${m.cpu}), ${m.memoryGiB} GiB, Node ${m.node}, Temporal SDK ${m.temporalSdk}, Prisma ${m.prisma}`,
    '',
    '| benchmark | measure | Holdfast | baseline | ratio |',
    '|---|---|---|---|---|',
  ];
  const row = (bench: string, measure: string, holdfast: unknown, baseline: unknown = '', ratio: unknown = '') =>
    lines.push(
      `| ${bench} | ${measure} | ${String(holdfast)} | ${String(baseline)} | ${ratio === '' ? '' : `${String(ratio)}×`} |`,
    );

  if (r.costs) {
    const c = r.costs;
    row('costs', 'one demo case, signal to closed: workflow tasks', c.workflowTasks);
    row('costs', 'activities through the task queue / local', `${c.taskQueueActivities} / ${c.localActivities}`);
    row('costs', 'history events (bytes)', `${c.historyEvents} (${c.historyBytes})`);
    row('costs', 'SQL statements (idle rate subtracted)', c.sqlStatements, `${c.idleStatementsPerSecond}/s idle`);
  }
  if (r.intake) {
    const i = r.intake;
    const size = `${i.size.signals} signals, concurrency ${i.size.concurrency}`;
    row(
      'intake',
      `${size}: activities to first send (task queue), workflow tasks`,
      `${i.activitiesToFirstSend} (${i.taskQueueActivitiesToFirstSend}), ${i.workflowTasksToFirstSend}`,
    );
    row('intake', 'signals accepted/s, one per request', i.single.signalsAcceptedPerSecond);
    row(
      'intake',
      `cases to first contact/s vs bare (a) one activity (median of ${i.bareOneActivityRunsPerSecond.join(', ')})`,
      i.single.casesToFirstContactPerSecond,
      i.bareOneActivityPerSecond,
      i.single.ratioToPhysicalLimit,
    );
    row(
      'intake',
      `cases to first contact/s vs bare (b) ${i.activitiesToFirstSend} activities`,
      i.single.casesToFirstContactPerSecond,
      i.bareToFirstSendPerSecond,
      i.single.ratioToBareSameActivities,
    );
    row('intake', '202 p50 / p99 ms', ms(i.single.acceptMs));
    const cpu = (c: Record<string, number>) =>
      Object.entries(c)
        .filter(([, v]) => Number.isFinite(v))
        .map(([k, v]) => `${k} ${v}`)
        .join(', ');
    row('intake', 'CPU ms per case (bare: per workflow)', cpu(i.cpuMsPerCase), cpu(i.cpuMsPerBareWorkflow));
    if (Number.isFinite(i.sqlPerCase)) row('intake', 'SQL statements per case (CRM relay included)', i.sqlPerCase);
    row('intake', 'workflow cache misses per case (each a replay from history)', i.cacheMissesPerCase);
    row('intake', 'signal → first SMS p50 / p95 / p99 ms', ms(i.single.firstContactMs));
    row(
      'intake',
      'batch (50 a request): cases to first contact/s vs bare (a)',
      i.batch.casesToFirstContactPerSecond,
      i.bareOneActivityPerSecond,
      i.batch.ratioToPhysicalLimit,
    );
  }
  if (r.latency) {
    const l = r.latency;
    row(
      'latency',
      `${l.offered.rate} signals/s for ${l.offered.seconds} s: signal → first SMS p50 / p95 / p99 ms`,
      ms(l.firstContactMs),
    );
    row('latency', '202 p50 / p99 ms; errors', `${ms(l.acceptMs)}; ${l.errors}`);
  }
  if (r.reads) {
    for (const [name, x] of Object.entries(r.reads.rows)) {
      row(
        'reads',
        `${name}: rps (p50 / p99 ms), ${r.reads.size.cases} cases, ${r.reads.size.connections} connections`,
        `${x.holdfast.rps} (${x.holdfast.p50} / ${x.holdfast.p99})${x.holdfast.errors + x.holdfast.non2xx ? ` ${x.holdfast.errors + x.holdfast.non2xx} errors` : ''}`,
        `${x.bare.rps} (${x.bare.p50} / ${x.bare.p99})`,
        x.ratio,
      );
    }
  }
  if (r.startReads) startReadsRows(row, r.startReads);
  if (r.parked) {
    const p = r.parked;
    row(
      'parked',
      `${p.size.cases} cases parked: worker RSS MiB (KiB per case)`,
      `${p.parked.workerMiB} (${p.workerKiBPerCase})`,
      `${p.before.workerMiB} before`,
    );
    row(
      'parked',
      'Temporal server RSS MiB (KiB per case)',
      `${p.parked.temporalMiB} (${p.temporalKiBPerCase})`,
      `${p.before.temporalMiB} before`,
    );
    row(
      'parked',
      'PostgreSQL MiB (KiB per case)',
      `${p.parked.databaseMiB} (${p.databaseKiBPerCase})`,
      `${p.before.databaseMiB} before`,
    );
    row(
      'parked',
      'all answered at once: seconds until every case moved on (cases/s); errors; 503s sent again',
      `${p.allMovedOnSeconds} (${p.movedOnPerSecond}); ${p.answerErrors}; ${p.answersRetried}`,
    );
  }
  if (r.import) {
    const x = r.import;
    row(
      'import',
      `${x.size.rows} customers from CSV, new: rows/s vs bare write (goal ≥ 5,000 rows/s)`,
      x.newRowsPerSecond,
      x.bareRowsPerSecond,
      x.ratioNew,
    );
    row(
      'import',
      'the same file again (every row unchanged): rows/s vs bare write',
      x.unchangedRowsPerSecond,
      x.bareRowsPerSecond,
      x.ratioUnchanged,
    );
  }
  statementTable(lines, 'during the cost case', r.costs?.topStatements);
  statementTable(lines, 'during intake (one signal a request)', r.intake?.topSql);
  return `${lines.join('\n')}\n`;
}

type Row = (bench: string, measure: string, holdfast: unknown, baseline?: unknown, ratio?: unknown) => void;

// Each round of the case read on the `npm start` stack, then the medians with their spread.
function startReadsRows(row: Row, s: NonNullable<Results['startReads']>): void {
  const size = `${s.size.cases} cases, ${s.size.connections} connections, ${s.size.casesPerSecond} demo case/s`;
  const shown = (x: { rps: number; p50: number; p99: number; errors: number; non2xx: number }) =>
    `${x.rps} (${x.p50} / ${x.p99})${x.errors + x.non2xx ? ` ${x.errors + x.non2xx} errors` : ''}`;
  for (const [i, x] of s.rounds.entries())
    row(
      'start-reads',
      `round ${i + 1}: case read on npm start, rps (p50 / p99 ms), ${size}; p99 ratio`,
      `${shown(x.holdfast)}; throughput ${x.rpsRatio}×`,
      shown(x.bare),
      x.p99Ratio,
    );
  const spread = (xs: number[]) => `${Math.min(...xs)}–${Math.max(...xs)}`;
  row(
    'start-reads',
    `p99 vs bare, median of ${s.rounds.length} rounds (goal ≤ 1.5×)${s.failed ? `; ${s.failed} failed requests` : ''}`,
    `rounds ${spread(s.rounds.map((x) => x.p99Ratio))}`,
    '',
    s.p99Ratio,
  );
  row('start-reads', 'throughput vs bare, median', `rounds ${spread(s.rounds.map((x) => x.rpsRatio))}`, '', s.rpsRatio);
}

function statementTable(
  lines: string[],
  when: string,
  rows?: { calls: number; msPerCall?: number; query: string }[],
): void {
  if (!rows?.length) return;
  lines.push(
    '',
    `SQL statements that took PostgreSQL longest ${when}:`,
    '',
    '| calls | ms a call | statement |',
    '|---|---|---|',
  );
  for (const s of rows) lines.push(`| ${s.calls} | ${s.msPerCall ?? ''} | \`${s.query.replace(/\|/g, '\\|')}\` |`);
}
