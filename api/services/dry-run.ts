// A dry run of a playbook's draft or version over a past window (domain/dry-run.ts), beside the same replay
// of the playbook's current version and the difference. Read-only: one READ ONLY transaction reads the
// world, the replay runs in memory; nothing is sent, started or written. Stops between days when aborted.
import type { Db } from '../../config/database';
import { inTransaction, type Sql } from '../../config/sql';
import { replayDay, type DayResult } from '../../domain/dry-run';
import { startReplay, type DryRunWorld, type ReplaySignal } from '../../domain/dry-run-state';
import { addCounts, diffCounts, emptyCounts } from '../../domain/dry-run-tally';
import type { PinnedPlaybook } from '../../domain/playbook';
import { newestVersions } from '../../domain/playbook-selection';
import { requestClosed } from '../../domain/errors/request-errors';
import {
  readContactsBefore,
  readCustomers,
  readDirectory,
  readOffers,
  readPlaybookVersions,
  readSignals,
  storedSignalSpan,
  type Window,
} from './dry-run-world';
import { recentRates } from './dry-run-rates';
import { dryRunCandidate } from './playbook-drafts';

export interface DryRunRequest extends Window {
  source: { draft: true } | { version: number };
  allSignals: boolean;
  decisions: number;
}

const DAY_MS = 86_400_000;

async function readWorld(sql: Sql, w: Window) {
  return inTransaction(sql, async (tx) => {
    // PostgreSQL itself refuses any write from here on: the guarantee does not rest on this code.
    await tx.query('SET TRANSACTION READ ONLY');
    const [signals, customers, contactsBefore, directory, offers, versions, rates, span] = [
      await readSignals(tx, w),
      await readCustomers(tx, w),
      await readContactsBefore(tx, w),
      await readDirectory(tx),
      await readOffers(tx),
      await readPlaybookVersions(tx),
      await recentRates(tx),
      await storedSignalSpan(tx),
    ];
    return { signals, customers, contactsBefore, directory, offers, versions, rates, span };
  });
}

type World = Awaited<ReturnType<typeof readWorld>>;

function worldFor(w: World, candidate: PinnedPlaybook, allSignals: boolean): DryRunWorld {
  const latest = newestVersions(w.versions).map((p) => (p.id === candidate.id ? candidate : p));
  if (!latest.some((p) => p.id === candidate.id)) latest.push(candidate);
  const rates = { reach: w.rates.reach.rate, acceptance: w.rates.acceptance.rate };
  return {
    candidate,
    latest,
    allSignals,
    customers: w.customers,
    contactsBefore: w.contactsBefore,
    teams: w.directory.teams,
    agents: w.directory.agents,
    offers: w.offers,
    rates,
  };
}

// The days of the window, each with its signals, in order.
function byDay(from: Date, to: Date, signals: ReplaySignal[]): { start: Date; signals: ReplaySignal[] }[] {
  const days: { start: Date; signals: ReplaySignal[] }[] = [];
  for (let t = Math.floor(from.getTime() / DAY_MS) * DAY_MS; t < to.getTime(); t += DAY_MS)
    days.push({ start: new Date(t), signals: [] });
  const first = days[0]?.start.getTime() ?? 0;
  for (const s of signals) days[Math.floor((s.receivedAt.getTime() - first) / DAY_MS)]?.signals.push(s);
  return days;
}

// Both replays, day by day; between days the event loop runs, so a closed request is noticed and the run stops.
async function replayBoth(
  worlds: (DryRunWorld | undefined)[],
  days: ReturnType<typeof byDay>,
  keep: number,
  abort: AbortSignal,
) {
  const states = worlds.map((w) => (w ? startReplay(w, keep) : undefined));
  const results: DayResult[][] = worlds.map(() => []);
  for (const day of days) {
    await new Promise((resolve) => setImmediate(resolve));
    if (abort.aborted) throw requestClosed({});
    states.forEach((s, i) => {
      if (s) results[i]!.push(replayDay(s, day.start, day.signals));
    });
  }
  return states.map(
    (s, i) =>
      s && {
        totals: results[i]!.reduce((sum, d) => addCounts(sum, d.counts), emptyCounts()),
        days: results[i]!,
        offers: [...s.offers.values()],
        decisions: keep ? s.decisions : undefined,
      },
  );
}

export async function dryRun(db: Db, sql: Sql, playbookId: string, req: DryRunRequest, abort: AbortSignal) {
  const { label, definition } = await dryRunCandidate(db, playbookId, req.source);
  const world = await readWorld(sql, req);
  const current = newestVersions(world.versions).find((p) => p.id === playbookId);
  const candidate = {
    id: playbookId,
    version: label.source === 'version' ? label.version : (current?.version ?? 0) + 1,
    definition,
  };
  const days = byDay(req.from, req.to, world.signals);
  const [result, baseline] = await replayBoth(
    [worldFor(world, candidate, req.allSignals), current && worldFor(world, current, req.allSignals)],
    days,
    req.decisions,
    abort,
  );
  return {
    playbookId,
    candidate: label,
    current: current ? { version: current.version } : null,
    window: coverage(req, world.span, world.signals.length),
    assumptions: world.rates,
    result: result!,
    baseline: baseline ?? null,
    difference: baseline ? diffCounts(result!.totals, baseline.totals) : null,
  };
}

// What part of the window the stored signals cover: a window reaching back before the first stored signal
// says so (by more than a day), rather than passing missing data off as calm days. Quiet days after the last
// signal are not missing data: they are counted as covered.
function coverage(w: Window, span: { first: Date | null; last: Date | null }, signals: number) {
  const days = Math.round((w.to.getTime() - w.from.getTime()) / DAY_MS);
  const from = span.first && span.first > w.from ? span.first : w.from;
  const coveredDays = span.first ? Math.max(0, Math.round(((w.to.getTime() - from.getTime()) / DAY_MS) * 10) / 10) : 0;
  const note = !span.first
    ? 'no signals are stored at all: every figure is zero'
    : coveredDays < days - 1
      ? `stored signals cover ${coveredDays} of the ${days} days asked for: the first is from ${span.first.toISOString()}`
      : undefined;
  return {
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    days,
    signals,
    covered: {
      from: new Date(Math.min(from.getTime(), w.to.getTime())).toISOString(),
      to: w.to.toISOString(),
      days: coveredDays,
    },
    note,
  };
}
