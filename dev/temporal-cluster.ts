// A Temporal server on PostgreSQL, as a bank runs it (not the dev server's SQLite): the pinned server release
// and its SQL schema tool built from Go modules and cached like the CLI, the default and visibility stores
// set up with Temporal's own tool in databases of their own, then the namespace and the search attributes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { CASE_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { freeLowPort } from './ports';
import { ensureTemporalCli, goBinary, temporalCacheDir } from './temporal-cli';
import { waitForServer } from './temporal-server';
import { spawnTied } from './tied-spawn';

// The server release the pinned CLI embeds (its go.mod), so both speak the same version.
export const TEMPORAL_SERVER_VERSION = '1.29.1';
const MODULE = 'go.temporal.io/server';

export interface TemporalServerBuild {
  server: string;
  sqlTool: string;
  schemaDir: string;
}

// Builds (first run only) `server` and `sql` (temporal-sql-tool) into the cache; the schema files come with
// the module's source.
export function ensureTemporalServer(log: (msg: string) => void = console.log): TemporalServerBuild {
  const go = goBinary();
  if (!go) throw new Error('building the Temporal server needs Go (1.22+) on PATH or at /usr/local/go/bin/go');
  const binDir = join(temporalCacheDir(), '..', '..', 'temporal-server', `v${TEMPORAL_SERVER_VERSION}`, 'bin');
  const server = join(binDir, 'server');
  const sqlTool = join(binDir, 'sql');
  const env = { ...process.env, GOBIN: binDir, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' };
  if (!existsSync(server) || !existsSync(sqlTool)) {
    mkdirSync(binDir, { recursive: true });
    log(
      `building Temporal server v${TEMPORAL_SERVER_VERSION} and its SQL tool from Go modules into ${binDir} (first run only, several minutes)`,
    );
    const started = Date.now();
    execFileSync(
      go,
      [
        'install',
        `${MODULE}/cmd/server@v${TEMPORAL_SERVER_VERSION}`,
        `${MODULE}/cmd/tools/sql@v${TEMPORAL_SERVER_VERSION}`,
      ],
      { env, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    log(`Temporal server built in ${Math.round((Date.now() - started) / 1000)} s`);
  }
  const modCache = execFileSync(go, ['env', 'GOMODCACHE'], { env, encoding: 'utf8' }).trim();
  const schemaDir = join(modCache, `${MODULE}@v${TEMPORAL_SERVER_VERSION}`, 'schema', 'postgresql', 'v12');
  if (!existsSync(schemaDir))
    execFileSync(go, ['mod', 'download', `${MODULE}@v${TEMPORAL_SERVER_VERSION}`], { env, stdio: 'ignore' });
  return { server, sqlTool, schemaDir };
}

interface PgTarget {
  host: string;
  port: string;
  user: string;
  password: string;
}
const pgTarget = (databaseUrl: string): PgTarget => {
  const u = new URL(databaseUrl);
  return {
    host: u.hostname,
    port: u.port || '5432',
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
  };
};

// Creates the database if needed and brings its schema to the release's version (update-schema applies only
// the versions it lacks, so a second start changes nothing).
function setUpSchema(
  build: TemporalServerBuild,
  pg: PgTarget,
  database: string,
  store: 'temporal' | 'visibility',
): void {
  const base = [
    '--plugin',
    'postgres12',
    '--ep',
    pg.host,
    '-p',
    pg.port,
    '-u',
    pg.user,
    '--pw',
    pg.password,
    '--db',
    database,
  ];
  const run = (args: string[], allowFailure = false) => {
    const r = spawnSync(build.sqlTool, [...base, ...args], { encoding: 'utf8' });
    if (r.status !== 0 && !allowFailure)
      throw new Error(`temporal-sql-tool ${args[0]} on ${database} failed: ${r.stderr || r.stdout}`);
    return r;
  };
  run(['create-database'], true);
  // setup-schema -v 0.0 creates the version table; it refuses on a database that has one, which is fine.
  run(['setup-schema', '-v', '0.0'], true);
  run(['update-schema', '-d', join(build.schemaDir, store, 'versioned')]);
}

export interface ClusterOptions {
  databaseUrl: string;
  dataDir: string;
  namespace: string;
  // Databases <prefix>_temporal and <prefix>_temporal_visibility.
  databasePrefix?: string;
  port?: number;
  log?: (msg: string) => void;
}

export interface TemporalCluster {
  address: string;
  pid: number;
  stop(): Promise<void>;
}

async function serverConfig(
  options: ClusterOptions,
  pg: PgTarget,
  prefix: string,
  frontendPort: number,
): Promise<void> {
  const configDir = join(options.dataDir, 'config');
  mkdirSync(configDir, { recursive: true });
  const store = (databaseName: string, maxConns: number) => ({
    sql: {
      pluginName: 'postgres12',
      databaseName,
      connectAddr: `${pg.host}:${pg.port}`,
      connectProtocol: 'tcp',
      user: pg.user,
      password: pg.password,
      maxConns,
      maxIdleConns: maxConns,
      maxConnLifetime: '1h',
    },
  });
  const rpc = async (grpcPort: number) => ({
    rpc: { grpcPort, membershipPort: await freeLowPort(), bindOnLocalHost: true },
  });
  const config = {
    log: { stdout: true, level: 'warn', format: 'json' },
    persistence: {
      defaultStore: 'default',
      visibilityStore: 'visibility',
      numHistoryShards: 4,
      // Per service (frontend, history, matching, worker): 4 x 15 connections at most.
      datastores: { default: store(`${prefix}_temporal`, 10), visibility: store(`${prefix}_temporal_visibility`, 5) },
    },
    global: { membership: { maxJoinDuration: '30s', broadcastAddress: '127.0.0.1' } },
    services: {
      frontend: { rpc: { ...(await rpc(frontendPort)).rpc, httpPort: await freeLowPort() } },
      history: await rpc(await freeLowPort()),
      matching: await rpc(await freeLowPort()),
      worker: await rpc(await freeLowPort()),
    },
    clusterMetadata: {
      enableGlobalNamespace: false,
      failoverVersionIncrement: 10,
      masterClusterName: 'active',
      currentClusterName: 'active',
      clusterInformation: {
        active: {
          enabled: true,
          initialFailoverVersion: 1,
          rpcName: 'frontend',
          rpcAddress: `127.0.0.1:${frontendPort}`,
        },
      },
    },
    dcRedirectionPolicy: { policy: 'noop' },
    dynamicConfigClient: { filepath: join(configDir, 'dynamic.yaml'), pollInterval: '10s' },
  };
  // YAML is a superset of JSON: the server reads these as written.
  writeFileSync(join(configDir, 'development.yaml'), JSON.stringify(config, null, 2));
  writeFileSync(
    join(configDir, 'dynamic.yaml'),
    JSON.stringify(
      {
        'frontend.enableUpdateWorkflowExecution': [{ value: true }],
        'frontend.enableExecuteMultiOperation': [{ value: true }],
        // Search attributes registered a moment ago are usable at once (the dev server does the same).
        'system.forceSearchAttributesCacheRefreshOnRead': [{ value: true }],
      },
      null,
      2,
    ),
  );
}

// The namespace and the search attributes, then a wait until a visibility query may use them: unlike the
// dev server, a real cluster takes them through its namespace cache and the visibility store's mapping.
async function registerNamespace(address: string, namespace: string, log: (msg: string) => void): Promise<void> {
  const cli = ensureTemporalCli(log);
  spawnSync(
    cli,
    ['operator', 'namespace', 'create', '--address', address, '--namespace', namespace, '--retention', '72h'],
    { stdio: 'ignore' },
  );
  const connection = await Connection.connect({ address });
  try {
    const client = new Client({ connection, namespace });
    const deadline = Date.now() + 60_000;
    for (;;) {
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
      try {
        await client.workflow.count(CASE_SEARCH_ATTRIBUTES.map((k) => `${k.name} = 'ready-check'`).join(' AND '));
        return;
      } catch (e) {
        if (Date.now() > deadline)
          throw new Error(`namespace ${namespace} or its search attributes not ready: ${String(e)}`);
        await new Promise((r) => setTimeout(r, 1_000));
      }
    }
  } finally {
    await connection.close();
  }
}

export async function startTemporalCluster(options: ClusterOptions): Promise<TemporalCluster> {
  const log = options.log ?? console.log;
  const build = ensureTemporalServer(log);
  const pg = pgTarget(options.databaseUrl);
  const prefix = options.databasePrefix ?? 'holdfast';
  setUpSchema(build, pg, `${prefix}_temporal`, 'temporal');
  setUpSchema(build, pg, `${prefix}_temporal_visibility`, 'visibility');

  const port = options.port ?? (await freeLowPort());
  await serverConfig(options, pg, prefix, port);
  const out = openSync(join(options.dataDir, 'temporal-server.log'), 'a');
  const child = spawnTied(
    build.server,
    ['--root', options.dataDir, '--config', 'config', '--env', 'development', '--allow-no-auth', 'start'],
    { stdio: ['ignore', out, out] },
  );
  const address = `127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  try {
    await waitForServer(address, child, 120_000);
    await registerNamespace(address, options.namespace, log);
  } catch (e) {
    await stop();
    throw e;
  }
  return { address, pid: child.pid!, stop };
}
