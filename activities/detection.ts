// The scheduled detection sweep's one activity: read the signal feeds (CSV/JSON files dropped in a folder, a
// JSON endpoint pulled over HTTP) and post what they hold to POST /v1/signals/batch, the same idempotent
// intake the bank's systems use. Reading again what was already posted is harmless (idempotency keys), so a
// retried or crashed sweep posts everything at least once and opens nothing twice. A dropped file moves to
// processed/ once its signals are posted, or to failed/ (with the reason beside it) when it cannot be read.
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import type { ActivityDeps } from './deps';
import { FeedFormatError, signalsFromCsv, signalsFromJson } from './signal-feed';
import { IntakeUnavailable, untilIntakeAnswers } from './intake-outage';
import { whenDatabaseAnswers } from './own-outage';
import type { Logger } from '../config/logger';

export interface DetectionFeeds {
  // A folder the bank's batch jobs drop *.csv / *.json signal files into.
  dropDir?: string;
  // A URL answering GET with JSON signals; pullToken is sent as a bearer token.
  pullUrl?: string;
  pullToken?: string;
  // The Holdfast API the signals are posted to, with a system key.
  apiUrl: string;
  apiKey: string;
}

interface SweepRefusal {
  source: string;
  index: number;
  status: number;
  code: string;
  message: string;
}
export interface SweepSource {
  source: string;
  signals: number;
  accepted: number;
  duplicates: number;
  refused: number;
  error?: string;
}
export interface SweepSummary {
  sweepId: string;
  startedAt: string;
  finishedAt: string;
  sources: SweepSource[];
  totals: { signals: number; accepted: number; duplicates: number; refused: number };
  // The first refusals, each with the intake's own message.
  refusals: SweepRefusal[];
}

const POST_CHUNK = 500;
const LISTED_REFUSALS = 50;

type BatchResult = { status: number; duplicate?: boolean; error?: { code: string; message: string } };

// Also the scoring sweep's way in (activities/model-scoring.ts): the same intake, the same answers.
export async function postChunk(
  feeds: Pick<DetectionFeeds, 'apiUrl' | 'apiKey'>,
  chunk: unknown[],
): Promise<BatchResult[]> {
  const response = await fetch(`${feeds.apiUrl}/v1/signals/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${feeds.apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ signals: chunk }),
  });
  if (response.status === 401 || response.status === 403)
    throw ApplicationFailure.nonRetryable(
      `the API refused the detection key (${response.status}): set HOLDFAST_API_KEY to a system key`,
      'detection_key_refused',
    );
  const problem = `POST /v1/signals/batch answered ${response.status}`;
  if (response.status === 503 || response.status === 502 || response.status === 504)
    throw new IntakeUnavailable(problem);
  if (!response.ok) throw new Error(`${problem}: ${(await response.text()).slice(0, 300)}`);
  return ((await response.json()) as { results: BatchResult[] }).results;
}

// Posts in chunks; an API that is down is waited out (untilIntakeAnswers), anything else fails the activity.
async function postSignals(
  feeds: DetectionFeeds,
  source: string,
  signals: unknown[],
  refusals: SweepRefusal[],
  logger: Logger,
): Promise<SweepSource> {
  const tally: SweepSource = { source, signals: signals.length, accepted: 0, duplicates: 0, refused: 0 };
  for (let from = 0; from < signals.length; from += POST_CHUNK) {
    const results = await untilIntakeAnswers(() => postChunk(feeds, signals.slice(from, from + POST_CHUNK)), logger);
    results.forEach((r, i) => {
      if (r.status === 202) tally.accepted++;
      else if (r.status === 200) tally.duplicates++;
      else {
        tally.refused++;
        if (refusals.length < LISTED_REFUSALS)
          refusals.push({
            source,
            index: from + i,
            status: r.status,
            code: r.error?.code ?? 'refused',
            message: r.error?.message ?? '',
          });
      }
    });
  }
  return tally;
}

async function sweepDropFolder(
  feeds: DetectionFeeds & { dropDir: string },
  sweepId: string,
  refusals: SweepRefusal[],
  logger: Logger,
): Promise<SweepSource[]> {
  // A folder that is not there is a configuration mistake to show on the sweep, not a reason to retry.
  const entries = await readdir(feeds.dropDir, { withFileTypes: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (!entries)
    return [
      {
        source: `folder:${feeds.dropDir}`,
        signals: 0,
        accepted: 0,
        duplicates: 0,
        refused: 0,
        error: 'the folder does not exist',
      },
    ];
  const files = entries
    .filter((e) => e.isFile() && ['.csv', '.json'].includes(extname(e.name).toLowerCase()))
    .map((e) => e.name)
    .sort();
  const done: SweepSource[] = [];
  const moveTo = async (folder: string, name: string) => {
    await mkdir(join(feeds.dropDir, folder), { recursive: true });
    await rename(join(feeds.dropDir, name), join(feeds.dropDir, folder, `${sweepId}-${name}`));
  };
  for (const name of files) {
    const source = `file:${name}`;
    let signals: unknown[];
    try {
      const text = await readFile(join(feeds.dropDir, name), 'utf8');
      signals = extname(name).toLowerCase() === '.csv' ? signalsFromCsv(text) : signalsFromJson(text);
    } catch (e) {
      if (!(e instanceof FeedFormatError)) throw e;
      await moveTo('failed', name);
      await writeFile(join(feeds.dropDir, 'failed', `${sweepId}-${name}.error.txt`), `${e.message}\n`);
      done.push({ source, signals: 0, accepted: 0, duplicates: 0, refused: 0, error: e.message });
      continue;
    }
    done.push(await postSignals(feeds, source, signals, refusals, logger));
    await moveTo('processed', name);
  }
  return done;
}

// A feed that does not answer is reported on the sweep, not retried: the next sweep reads it again.
async function sweepPullFeed(
  feeds: DetectionFeeds & { pullUrl: string },
  refusals: SweepRefusal[],
  logger: Logger,
): Promise<SweepSource> {
  const url = new URL(feeds.pullUrl);
  const source = `pull:${url.origin}${url.pathname}`;
  let signals: unknown[];
  try {
    const response = await fetch(feeds.pullUrl, {
      headers: {
        accept: 'application/json',
        ...(feeds.pullToken ? { authorization: `Bearer ${feeds.pullToken}` } : {}),
      },
      signal: AbortSignal.timeout(30_000),
    });
    if (!response.ok) throw new FeedFormatError(`the feed answered ${response.status}`);
    signals = signalsFromJson(await response.text());
  } catch (e) {
    return {
      source,
      signals: 0,
      accepted: 0,
      duplicates: 0,
      refused: 0,
      error: e instanceof FeedFormatError ? e.message : `the feed did not answer: ${String(e)}`,
    };
  }
  return postSignals(feeds, source, signals, refusals, logger);
}

export function createDetection(deps: ActivityDeps) {
  return {
    async sweepSignalFeeds(input: { sweepId: string; startedAt: string }): Promise<SweepSummary> {
      const feeds = deps.detection;
      if (!feeds)
        throw ApplicationFailure.nonRetryable(
          'this worker has no signal feed: set HOLDFAST_API_URL, HOLDFAST_API_KEY and HOLDFAST_SIGNAL_FEED_DIR or HOLDFAST_SIGNAL_FEED_URL',
          'detection_not_configured',
        );
      const refusals: SweepRefusal[] = [];
      const sources = [
        ...(feeds.dropDir
          ? await sweepDropFolder({ ...feeds, dropDir: feeds.dropDir }, input.sweepId, refusals, deps.logger)
          : []),
        ...(feeds.pullUrl ? [await sweepPullFeed({ ...feeds, pullUrl: feeds.pullUrl }, refusals, deps.logger)] : []),
      ];
      const sum = (k: 'signals' | 'accepted' | 'duplicates' | 'refused') => sources.reduce((n, s) => n + s[k], 0);
      const summary: SweepSummary = {
        ...input,
        finishedAt: new Date().toISOString(),
        sources,
        totals: {
          signals: sum('signals'),
          accepted: sum('accepted'),
          duplicates: sum('duplicates'),
          refused: sum('refused'),
        },
        refusals,
      };
      // The files are already moved: keep the run's record even if PostgreSQL is down for a while.
      await whenDatabaseAnswers(
        `detection run ${input.sweepId}`,
        () =>
          deps.sql.query(
            `INSERT INTO detection_runs (id, started_at, finished_at, summary) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET finished_at = EXCLUDED.finished_at, summary = EXCLUDED.summary`,
            [input.sweepId, input.startedAt, summary.finishedAt, summary],
          ),
        deps.logger,
      );
      return summary;
    },
  };
}
