// Provisions the pinned Temporal CLI: a cached build from Go modules (rebuilt when the pin changes), else a
// `temporal` already on PATH, else one clear message saying how to get one.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

// v1.5.1 is the newest tag `go install` accepts: later tags carry a `replace` directive in go.mod.
export const TEMPORAL_CLI_VERSION = '1.5.1';

export function temporalCacheDir(): string {
  const base =
    process.env.HOLDFAST_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'holdfast');
  return join(base, 'temporal-cli', `v${TEMPORAL_CLI_VERSION}`);
}

// Go on PATH, or where its installer puts it (outside PATH on some machines).
export const goBinary = () => onPath('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : undefined);

function onPath(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

function buildWithGo(go: string, binDir: string, log: (msg: string) => void): void {
  mkdirSync(binDir, { recursive: true });
  log(`building Temporal CLI v${TEMPORAL_CLI_VERSION} from Go modules into ${binDir} (first run only, a few minutes)`);
  const started = Date.now();
  execFileSync(
    go,
    [
      'install',
      '-ldflags',
      `-X github.com/temporalio/cli/temporalcli.Version=${TEMPORAL_CLI_VERSION}`,
      `github.com/temporalio/cli/cmd/temporal@v${TEMPORAL_CLI_VERSION}`,
    ],
    {
      env: { ...process.env, GOBIN: binDir, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s`);
}

export function ensureTemporalCli(log: (msg: string) => void = console.log): string {
  if (process.env.HOLDFAST_TEMPORAL_CLI) return process.env.HOLDFAST_TEMPORAL_CLI;
  const binDir = join(temporalCacheDir(), 'bin');
  const cached = join(binDir, 'temporal');
  if (existsSync(cached)) return cached;

  const go = goBinary();
  if (go) {
    buildWithGo(go, binDir, log);
    return cached;
  }
  const installed = onPath('temporal');
  if (installed) {
    log(`using the Temporal CLI on PATH (${installed}); Holdfast is tested with v${TEMPORAL_CLI_VERSION}`);
    return installed;
  }
  throw new Error(
    'Holdfast needs a Temporal server and found neither Go nor a `temporal` CLI on this machine. Either install Go ' +
      `1.22+ (Holdfast then builds Temporal CLI v${TEMPORAL_CLI_VERSION} itself), install the Temporal CLI ` +
      '(https://docs.temporal.io/cli) and put `temporal` on PATH, or set TEMPORAL_ADDRESS to an existing Temporal cluster.',
  );
}
