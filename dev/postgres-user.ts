// PostgreSQL refuses to run as root. When we are root, the embedded server runs as the `postgres` user
// (created if the machine has none), and every path it touches must be reachable by that user.
import { execFileSync, spawnSync } from 'node:child_process';
import { StartFailure } from './start-failure';

export interface RunAs {
  uid: number;
  gid: number;
}

function idOf(flag: '-u' | '-g'): number | undefined {
  const found = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  return found.status === 0 ? Number(found.stdout.trim()) : undefined;
}

// Undefined when we are not root: the server then runs as ourselves and needs nothing special.
export function postgresRunAs(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  if (idOf('-u') === undefined) {
    try {
      execFileSync(
        'useradd',
        ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'],
        { stdio: 'pipe' },
      );
    } catch (e) {
      throw new StartFailure(
        `PostgreSQL cannot run as root and the user 'postgres' could not be created (${(e as Error).message.split('\n')[0]})`,
        "create a 'postgres' user, or set DATABASE_URL to a PostgreSQL server of your own",
      );
    }
  }
  return { uid: idOf('-u')!, gid: idOf('-g')! };
}

// Asks the kernel rather than reading permission bits: ACLs, groups and every parent directory count.
export function canReach(path: string, runAs: RunAs | undefined, access: '-x' | '-w' = '-x'): boolean {
  if (!runAs) return true;
  return spawnSync('test', [access, path], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}
