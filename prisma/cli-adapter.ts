// Driver adapter for the Prisma 6.19 CLI's WASM schema engine, patched for its bugs (each fix below says
// which). Loaded only by prisma.config.ts, never by runtime code.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';

const PG_NAME_OID = 19;
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

// Introspection returns `name` and `"char"` columns that adapter-pg cannot deserialize: call them text.
function reportCatalogTypesAsText(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Result = require('pg/lib/result') as { prototype: { addFields(fields: pg.FieldDef[]): void } };
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (fields: pg.FieldDef[]) {
    for (const field of fields) {
      if (field.dataTypeID === PG_NAME_OID || field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
    return addFields.call(this, fields);
  };
}

// The WASM engine leaves long timers behind, which keeps the CLI alive for up to a minute after it is done.
function unrefLongTimers(): void {
  const original = global.setTimeout;
  const patched = ((handler: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const timer = original(handler, ms, ...args);
    if ((ms ?? 0) >= 1000) timer.unref();
    return timer;
  }) as typeof setTimeout;
  global.setTimeout = Object.assign(patched, original);
}

function poolConfig(url: URL, database: string): pg.PoolConfig {
  return {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
    database,
    allowExitOnIdle: true,
  };
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

// adapter-pg splits scripts on every ';' and runs them one by one; send the script whole instead,
// as one implicit transaction, the way the native engine does.
function runScriptsWhole(adapter: Adapter): Adapter {
  adapter.executeScript = async (script: string) => {
    await adapter.underlyingDriver().query(script);
  };
  return adapter;
}

class CliPrismaPg extends PrismaPg {
  constructor(private readonly url: URL) {
    super(poolConfig(url, url.pathname.slice(1) || 'postgres'));
  }

  override async connect(): Promise<Adapter> {
    return runScriptsWhole(await super.connect());
  }

  // The stock version connects to the main database again (the pool ignores the name) and drops the
  // shadow database before closing its pool.
  override async connectToShadowDb(): Promise<Adapter> {
    const admin = new pg.Client(poolConfig(this.url, this.url.pathname.slice(1) || 'postgres'));
    const name = `prisma_shadow_${process.pid}_${Date.now()}`;
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const pool = new pg.Pool(poolConfig(this.url, name));
    const shadow = new PrismaPg(pool);
    const adapter = runScriptsWhole(await shadow.connect());
    adapter.dispose = async () => {
      await pool.end();
      const dropper = new pg.Client(poolConfig(this.url, this.url.pathname.slice(1) || 'postgres'));
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}"`);
      await dropper.end();
    };
    return adapter;
  }
}

export function createCliAdapter(databaseUrl: string): PrismaPg {
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: the Prisma CLI needs a PostgreSQL URL');
  reportCatalogTypesAsText();
  unrefLongTimers();
  return new CliPrismaPg(new URL(databaseUrl));
}
