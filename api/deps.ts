// What the Express app is built from; only worker/, dev/ and api/main.ts construct these.
import type { Client } from '@temporalio/client';
import type { Db } from '../config/database';
import type { Logger } from '../config/logger';
import type { Outbox } from '../dev/sinks/outbox';
import type { CaseWorkflows } from './case-workflows';

export interface AppDeps {
  db: Db;
  temporal: Client;
  cases: CaseWorkflows;
  logger: Logger;
  adminKey?: string;
  // Present only in the local stack: enables /dev/outbox.
  outbox?: Outbox;
  // For checking inbound Twilio webhooks against the public URL Twilio called.
  twilioAuthToken?: string;
  publicBaseUrl?: string;
}
