// Recorded workflow histories for the replay test. Set HOLDFAST_RECORD_HISTORIES=1 to (re)record them
// from the lifecycle tests; commit the files so later code changes are replayed against them in CI.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureTemporalCli } from '../../dev/temporal-cli';
import type { Harness } from './harness';
import { harnessClient } from './temporal-client';

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

export async function recordHistory(h: Harness, caseId: string, name: string): Promise<void> {
  if (process.env.HOLDFAST_RECORD_HISTORIES !== '1') return;
  const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
  // A closed case's row is written before its run ends (a task later, patch answer-before-end): the recording
  // waits for the end, so it holds the whole run.
  if (row.status === 'closed') {
    const temporal = await harnessClient(h);
    await temporal.client.workflow
      .getHandle(row.workflowId, row.runId!)
      .result()
      .catch(() => undefined)
      .finally(temporal.close);
  }
  const json = execFileSync(
    ensureTemporalCli(),
    [
      'workflow',
      'show',
      '--address',
      h.temporal.address,
      '--namespace',
      h.temporal.namespace,
      '--workflow-id',
      row.workflowId,
      '--run-id',
      row.runId!,
      '--output',
      'json',
    ],
    { encoding: 'utf8' },
  );
  mkdirSync(HISTORIES_DIR, { recursive: true });
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), json);
}
