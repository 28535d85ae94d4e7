// A real worker process, as `npm run worker` runs it (for the crash and fault tests): resolves once it polls
// its task queue, rejects if it exits before.
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawnTied } from '../../dev/tied-spawn';

const ROOT = join(__dirname, '..', '..');

export function startWorkerProcess(env: Record<string, string | undefined>, options: { showErrors?: boolean } = {}): Promise<ChildProcess> {
  const child = spawnTied(process.execPath, ['--import', 'tsx', join(ROOT, 'worker', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', options.showErrors ? 'inherit' : 'ignore'],
  });
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line.includes('"worker started"') && resolve(child));
    // A kill (signal) after start is the test's own doing; an exit before start is a failure.
    child.once('exit', (code, signal) => signal === null && reject(new Error(`worker exited early with code ${code}`)));
  });
}
