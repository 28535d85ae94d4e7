// What activities are built from: the worker wires real clients, tests wire real local ones.
import type { Db } from '../config/database';
import type { Sql } from '../config/sql';
import type { Logger } from '../config/logger';
import type { CrmClient } from './clients/crm';
import type { DetectionFeeds } from './detection';
import type { EmailSender } from './clients/email';
import type { SmsSender } from './clients/sms';

export interface ActivityDeps {
  db: Db;
  // The same database through node-postgres, for the statements a case runs on every transition.
  sql: Sql;
  sms: SmsSender;
  email: EmailSender;
  crm?: CrmClient;
  publicBaseUrl: string;
  // The locale of a customer who has none (HOLDFAST_DEFAULT_LOCALE); absent: English.
  defaultLocale?: string;
  logger: Logger;
  // The signal feeds the scheduled detection sweep reads (absent: this worker runs no sweep).
  detection?: DetectionFeeds;
  // The Holdfast API and a system key, for the scheduled work that goes through it (the experiment review);
  // absent: this worker schedules none of it.
  holdfastApi?: { url: string; key: string };
}
