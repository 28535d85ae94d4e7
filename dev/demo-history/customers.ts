// The demo bank's customers: made-up people with the attributes the early-warning model reads (the columns of
// dev/synthetic-churn.ts), loaded through the customer import a bank's own file goes through.
import { Readable } from 'node:stream';
import { importCustomers } from '../../api/services/customer-import';
import type { Principal } from '../../api/services/principal';
import type { Sql } from '../../config/sql';
import type { Tier } from '../../domain/vocabulary';
import { csvRow, SYNTHETIC_HEADER, syntheticCustomers } from '../synthetic-churn';

const FIRST = ['Aisha', 'Ben', 'Carmen', 'David', 'Elif', 'Felix', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam'];
const LAST = [
  'Ahmed',
  'Brown',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Hughes',
  'Ito',
  'Jansen',
  'Kowalski',
];
const ZONES = ['Europe/London', 'Europe/Madrid', 'Europe/Berlin', 'Europe/Dublin', 'America/New_York'];
const TIER_OF: Record<string, Tier> = { Mass: 'mass', Affluent: 'affluent', Private: 'premier' };
const CHANNELS: Record<Tier, string> = { premier: 'phone;email', affluent: 'email;sms;phone', mass: 'sms;phone' };

export interface DemoCustomer {
  id: string;
  tier: Tier;
  segment: string;
  attributes: Record<string, string | number | null>;
}

// `count` customers; every `youngEvery`th is a young professional (the experiments' playbook applies to them).
export function demoCustomers(count: number, seed: number, youngEvery = 2): DemoCustomer[] {
  const columns = SYNTHETIC_HEADER.slice(1, -1);
  return syntheticCustomers(count, seed).map((cells, i) => {
    const attributes = Object.fromEntries(
      columns.map((c, k) => {
        const cell = cells[k + 1]!;
        return [c, cell === '' ? null : Number.isNaN(Number(cell)) ? cell : Number(cell)];
      }),
    );
    const tier = TIER_OF[String(attributes.segment)] ?? 'mass';
    const segment = i % youngEvery === 0 ? 'young-professional' : tier === 'premier' ? 'private' : 'retail';
    return { id: `cust-h${String(i + 1).padStart(5, '0')}`, tier, segment, attributes };
  });
}

function csvOf(customers: DemoCustomer[]): string {
  const attributeColumns = Object.keys(customers[0]!.attributes);
  const header = [
    'id',
    'name',
    'tier',
    'segment',
    'assetsUnderManagement',
    'timeZone',
    'phone',
    'email',
    'preferredChannels',
    'consent.sms',
    'consent.email',
    'consent.phone',
    ...attributeColumns.map((c) => `attributes.${c}`),
  ];
  const rows = customers.map((c, i) => {
    const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / FIRST.length) % LAST.length]}`;
    const balance = Number(c.attributes.balance ?? 0);
    const assets = c.tier === 'premier' ? 250_000 + balance * 4 : c.tier === 'affluent' ? 50_000 + balance : balance;
    return [
      c.id,
      name,
      c.tier,
      c.segment,
      assets.toFixed(2),
      ZONES[i % ZONES.length]!,
      `+4477009${String(i).padStart(5, '0')}`,
      `${name.toLowerCase().replace(' ', '.')}.${i}@example.com`,
      CHANNELS[c.tier],
      'true',
      'true',
      'true',
      ...attributeColumns.map((k) => (c.attributes[k] === null ? '' : String(c.attributes[k]))),
    ];
  });
  // No cell holds a comma, quote or line break (made up above), so no cell needs quoting.
  return [header, ...rows].map(csvRow).join('');
}

export async function importDemoCustomers(sql: Sql, customers: DemoCustomer[], by: Principal): Promise<void> {
  const summary = await importCustomers(sql, Readable.from([csvOf(customers)]), { by, source: 'demo history' });
  if (summary.rejected > 0 || summary.created !== customers.length)
    throw new Error(`the demo customers did not import: ${JSON.stringify(summary)}`);
}
