// A real worker process, as `npm run worker` runs it (for the crash and fault tests): resolves once it polls
// its task queue, rejects if it exits before.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawnTied } from '../../dev/tied-spawn';

const ROOT = join(__dirname, '..', '..');

// `lines` hears every line the worker writes (stdout and stderr).
export function startWorkerProcess(
  env: Record<string, string | undefined>,
  options: { showErrors?: boolean; lines?: (line: string) => void } = {},
): Promise<ChildProcess> {
  const child = spawnTied(process.execPath, ['--import', 'tsx', join(ROOT, 'worker', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', options.lines ? 'pipe' : options.showErrors ? 'inherit' : 'ignore'],
  });
  if (options.lines) {
    createInterface({ input: child.stdout! }).on('line', options.lines);
    createInterface({ input: child.stderr! }).on('line', options.lines);
  }
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line.includes('"worker started"') && resolve(child));
    // A kill (signal) after start is the test's own doing; an exit before start is a failure.
    child.once('exit', (code, signal) => signal === null && reject(new Error(`worker exited early with code ${code}`)));
  });
}

// A real API process, as `npm run api` runs it: resolves with its base URL once it listens.
export function startApiProcess(
  env: Record<string, string | undefined>,
  port: number,
  lines?: (line: string) => void,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawnTied(process.execPath, ['--import', 'tsx', join(ROOT, 'api', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', lines ? 'pipe' : 'ignore'],
  });
  if (lines) createInterface({ input: child.stderr! }).on('line', lines);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on(
      'line',
      (line) => line.includes('"API listening"') && resolve({ child, baseUrl: `http://127.0.0.1:${port}` }),
    );
    child.once('exit', (code, signal) => signal === null && reject(new Error(`API exited early with code ${code}`)));
  });
}
