// A child of the `npm start` stack (the API, the worker): its own Node process, so reads are not queued
// behind workflow work, tied to the stack so it dies with it, and reported when it stops on its own.
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { spawnTied } from './tied-spawn';

export interface StackChild {
  name: string;
  process: ChildProcess;
  // Resolves with a line for a person when the child exits; `stopping` tells an asked-for exit from a crash.
  exited: Promise<string>;
}

// HOLDFAST_CPU_PROF_DIR=<dir>: each child writes a V8 CPU profile there when it stops (the benchmark of the
// `npm start` stack sets it from BENCH_CPU_PROF; NODE_OPTIONS cannot carry --cpu-prof).
const profileArgs = (env: NodeJS.ProcessEnv) =>
  env.HOLDFAST_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${env.HOLDFAST_CPU_PROF_DIR}`] : [];

export function startStackChild(name: string, entry: string, env: NodeJS.ProcessEnv): StackChild {
  const child = spawnTied(process.execPath, [...profileArgs(env), '--import', 'tsx', resolve(__dirname, '..', entry)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env,
  });
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(`the ${name} stopped (${signal ?? `exit code ${code}`})`));
    child.once('error', (e) => resolve(`the ${name} could not start: ${e.message}`));
  });
  return { name, process: child, exited };
}

// Resolves with the first IPC message that `pick` accepts, or rejects if the child exits first.
export function messageFrom<T>(child: StackChild, pick: (message: unknown) => T | undefined): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const picked = pick(message);
      if (picked === undefined) return;
      child.process.off('message', onMessage);
      resolve(picked);
    };
    child.process.on('message', onMessage);
    void child.exited.then((line) => reject(new Error(line)));
  });
}

// SIGTERM, then SIGKILL after `graceMs`; resolves when the child is gone.
export async function stopStackChild(child: StackChild, graceMs = 30_000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
  await child.exited;
  clearTimeout(timer);
}
