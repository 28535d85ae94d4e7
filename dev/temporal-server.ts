// Runs `temporal server start-dev` as a child process with the search attributes the workflow uses.
import { StartFailure } from './start-failure';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { spawnTied } from './tied-spawn';
import { existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { ensureTemporalCli } from './temporal-cli';

export interface DevTemporalOptions {
  port: number;
  uiPort?: number;
  namespace: string;
  // Persisted history; unset keeps everything in memory (tests).
  dbFile?: string;
  logFile?: string;
  log?: (msg: string) => void;
}

export interface DevTemporal {
  address: string;
  pid: number;
  uiUrl?: string;
  stop(): Promise<void>;
}

const searchAttributeFlags = () => CASE_SEARCH_ATTRIBUTES.flatMap((k) => ['--search-attribute', `${k.name}=Keyword`]);

// Resolves once the server at `address` answers; fails early if its process exits.
export async function waitForServer(address: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new StartFailure(
        `the Temporal dev server exited with code ${child.exitCode}`,
        'see its log in .data/, or set TEMPORAL_ADDRESS to a Temporal server of your own',
      );
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (e) {
      lastError = e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new StartFailure(
    `the Temporal server did not answer on ${address} within ${timeoutMs / 1000} s (${String(lastError).split('\n')[0]})`,
    'see its log in .data/, or set TEMPORAL_ADDRESS to a Temporal server of your own',
  );
}

// An existing db file keeps the namespace it was created with; attributes added to the code since then are
// created here (the CLI applies --search-attribute only to a new namespace).
function ensureSearchAttributes(cli: string, address: string, namespace: string): void {
  for (const key of CASE_SEARCH_ATTRIBUTES) {
    spawnSync(
      cli,
      [
        'operator',
        'search-attribute',
        'create',
        '--address',
        address,
        '--namespace',
        namespace,
        '--name',
        key.name,
        '--type',
        'Keyword',
      ],
      { stdio: 'ignore' },
    );
  }
}

export async function startDevTemporal(options: DevTemporalOptions): Promise<DevTemporal> {
  const cli = ensureTemporalCli(options.log);
  const address = `127.0.0.1:${options.port}`;
  const existingDb = options.dbFile !== undefined && existsSync(options.dbFile);
  if (options.dbFile) mkdirSync(dirname(options.dbFile), { recursive: true });
  if (options.logFile) mkdirSync(dirname(options.logFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--namespace',
    options.namespace,
    '--log-format',
    'json',
    '--log-level',
    'warn',
    '--dynamic-config-value',
    'frontend.enableUpdateWorkflowExecution=true',
    '--dynamic-config-value',
    'frontend.enableExecuteMultiOperation=true',
    '--dynamic-config-value',
    'matching.numTaskqueueReadPartitions=1',
    '--dynamic-config-value',
    'matching.numTaskqueueWritePartitions=1',
    ...searchAttributeFlags(),
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    ...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']),
  ];
  const out = options.logFile ? openSync(options.logFile, 'a') : 'ignore';
  const child = spawnTied(cli, args, { stdio: ['ignore', out, out] });
  await waitForServer(address, child, 60_000);
  if (existingDb) ensureSearchAttributes(cli, address, options.namespace);

  return {
    address,
    pid: child.pid!,
    uiUrl: options.uiPort ? `http://127.0.0.1:${options.uiPort}` : undefined,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}
