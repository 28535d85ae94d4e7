// Bulk customer import: a generated CSV of N customers (names in several scripts, every column used) imported
// as `npm run import` does, then imported again (every row unchanged). Baseline, same file, same database,
// same run: the bare write — the CSV parsed and inserted in batches of the same size into a copy of the
// customers table, with no validation, no upsert, no consent ledger. Goal: at least 5,000 rows/s.
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { DEFAULT_IMPORT_BATCH, importCustomers } from '../api/services/customer-import';
import { createSql, type Sql } from '../config/sql';
import { round, say } from './support/measure';
import type { BenchStack } from './support/stack';

const NAMES = ["Siobhán O'Brien", 'Nguyễn Thị Minh', '山田 太郎', 'José Álvarez-Núñez', 'Zoë Ng', 'محمد الأحمد'];
const TIERS = ['mass', 'affluent', 'premier'];
const HEADER =
  'id,name,tier,segment,assetsUnderManagement,timeZone,phone,email,preferredChannels,consent.sms,consent.email,consent.phone';

function customersFile(prefix: string, rows: number): string {
  const dir = join(__dirname, '..', '.data', 'bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${prefix}.csv`);
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `${prefix}-${i},"${NAMES[i % NAMES.length]} ${i}",${TIERS[i % 3]},retail,${i * 10}.50,Europe/Madrid,+346${String(i).padStart(8, '0')},c${i}@example.com,sms;email,${i % 2 === 0},true,false`,
    );
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

// The bare write of the same file: parse, batch, INSERT.
async function bareWrite(sql: Sql, file: string, table: string): Promise<number> {
  const started = Date.now();
  const parser = createReadStream(file).pipe(parse({ from_line: 2 }));
  let batch: string[][] = [];
  const insert = async (rows: string[][]) => {
    const records = rows.map(([id, name, tier, segment, aum, tz, phone, email, channels, sms, mail, call]) => ({
      id,
      name,
      tier,
      segment,
      aum,
      tz,
      phone,
      email,
      channels: channels!.split(';'),
      sms: sms === 'true',
      mail: mail === 'true',
      call: call === 'true',
    }));
    await sql.query(
      `INSERT INTO ${table} (id, name, tier, segment, assets_under_management, time_zone, phone, email, preferred_channels, consent_sms, consent_email, consent_phone, updated_at)
       SELECT r.id, r.name, r.tier::"Tier", r.segment, r.aum, r.tz, r.phone, r.email, r.channels, r.sms, r.mail, r.call, now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, name text, tier text, segment text, aum numeric, tz text, phone text, email text, channels text[], sms boolean, mail boolean, call boolean)`,
      [JSON.stringify(records)],
    );
  };
  for await (const record of parser as AsyncIterable<string[]>) {
    batch.push(record);
    if (batch.length < DEFAULT_IMPORT_BATCH) continue;
    await insert(batch);
    batch = [];
  }
  if (batch.length) await insert(batch);
  return (Date.now() - started) / 1000;
}

async function timedImport(sql: Sql, file: string, label: string) {
  let last = 0;
  const summary = await importCustomers(sql, createReadStream(file), {
    by: { keyId: 'bench', name: 'npm run bench', role: 'admin' },
    source: file,
    onProgress: ({ rows }) => {
      if (Date.now() - last < 2_000) return;
      last = Date.now();
      say(`${label}: ${rows} rows`);
    },
  });
  if (summary.rejected) throw new Error(`${label}: ${summary.rejected} rows rejected`);
  return summary;
}

export async function benchImport(stack: BenchStack, size: { rows: number }) {
  const prefix = `bench-import-${Date.now()}`;
  const file = customersFile(prefix, size.rows);
  const sql = createSql(stack.databaseUrl);
  const table = `bench_bare_customers_${process.pid}`;
  try {
    await sql.query(`CREATE TABLE ${table} (LIKE customers INCLUDING ALL)`);
    say(`import: bare write of ${size.rows} rows`);
    const bareSeconds = await bareWrite(sql, file, table);
    const first = await timedImport(sql, file, 'import (new customers)');
    const again = await timedImport(sql, file, 'import again (unchanged)');
    const rate = (seconds: number) => Math.round(size.rows / seconds);
    return {
      size,
      bareRowsPerSecond: rate(bareSeconds),
      newRowsPerSecond: rate(first.seconds),
      unchangedRowsPerSecond: rate(again.seconds),
      created: first.created,
      unchanged: again.unchanged,
      ratioNew: round(bareSeconds / first.seconds, 2),
      ratioUnchanged: round(bareSeconds / again.seconds, 2),
    };
  } finally {
    await sql.query(`DROP TABLE IF EXISTS ${table}`);
    await sql.end();
  }
}
