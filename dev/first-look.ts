// What a newcomer sees at `npm start`'s first look: on a fresh database, 90 days of history
// (dev/demo-history/history.ts), and once the API and the worker run, a day's work for the demo agent
// (dev/demo-agent-day.ts). HOLDFAST_DEMO_HISTORY=off leaves the database as a bank's new one would be.
import { z } from 'zod';
import type { Db } from '../config/database';
import { createSql } from '../config/sql';
import { giveDemoAgentWork, type AgentDayApi } from './demo-agent-day';
import { fillDemoHistory, type DemoHistory } from './demo-history/history';
import { StartFailure } from './start-failure';

const settingSchema = z.enum(['on', 'off']).default('on');

export function demoHistorySetting(value: string | undefined): 'on' | 'off' {
  const parsed = settingSchema.safeParse(value === '' ? undefined : value);
  if (parsed.success) return parsed.data;
  throw new StartFailure(
    `HOLDFAST_DEMO_HISTORY is ${JSON.stringify(value)}`,
    'set it to off (no demo history) or on (the default), or leave it out',
  );
}

// Undefined when off, or when the database already had cases (a second start adds nothing).
export async function fillFirstLook(
  db: Db,
  databaseUrl: string,
  setting: 'on' | 'off',
  say: (line: string) => void,
): Promise<DemoHistory | undefined> {
  if (setting === 'off') {
    say('demo history off (HOLDFAST_DEMO_HISTORY=off)');
    return undefined;
  }
  const sql = createSql(databaseUrl);
  try {
    const history = await fillDemoHistory(db, sql, new Date());
    say(
      history
        ? `demo history: ${history.cases} cases of the last 90 days for ${history.customers} customers, written in ${history.seconds.toFixed(1)} s`
        : 'demo history: the database has cases already, none added',
    );
    return history;
  } finally {
    await sql.end();
  }
}

export async function fillAgentDay(api: AgentDayApi, history: DemoHistory | undefined, say: (line: string) => void) {
  if (!history) return;
  const day = await giveDemoAgentWork(api);
  say(
    `demo agent ${day.agent}: ${day.signals} signals posted to the contact centre${day.callback ? `, a callback promised on ${day.callback}` : ''}`,
  );
}
