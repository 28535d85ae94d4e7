// Spawns a child that dies with its parent. On Linux, util-linux's setpriv sets the parent-death signal, so a
// test run killed hard (SIGKILL, a CI timeout) leaves no Temporal server or worker behind; elsewhere it is a
// plain spawn (the pid files in stale-processes.ts still reap leftovers on the next run).
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

const SETPRIV = '/usr/bin/setpriv';

export function spawnTied(command: string, args: string[], options: SpawnOptions): ChildProcess {
  if (process.platform === 'linux' && existsSync(SETPRIV))
    return spawn(SETPRIV, ['--pdeathsig', 'KILL', '--', command, ...args], options);
  return spawn(command, args, options);
}
