// An HTTP server shaped like Twilio's Messages API: the real Twilio SDK posts to it, and it keeps each SMS.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { listen, readBody, sendJson, type RunningSink } from './http';
import type { Outbox } from './outbox';

export interface TwilioSinkOptions {
  accountSid: string;
  authToken: string;
  // Test hook: runs after a message is captured and before the answer is sent (e.g. to crash a worker).
  beforeReply?: (to: string) => Promise<void>;
}

function authorized(req: IncomingMessage, sid: string, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const expected = 'Basic ' + Buffer.from(`${sid}:${token}`).toString('base64');
  return header === expected;
}

export async function startTwilioSink(outbox: Outbox, options: TwilioSinkOptions, port = 0): Promise<RunningSink & { options: TwilioSinkOptions }> {
  const path = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
  const sink = await listen(async (req, res) => {
    if (req.method !== 'POST' || req.url !== path) return sendJson(res, 404, { code: 20404, message: 'The requested resource was not found' });
    if (!authorized(req, options.accountSid, options.authToken)) return sendJson(res, 401, { code: 20003, message: 'Authenticate' });
    const form = new URLSearchParams(await readBody(req));
    const to = form.get('To');
    const body = form.get('Body');
    if (!to || !body) return sendJson(res, 400, { code: 21604, message: "A 'To' phone number and a 'Body' are required." });
    const sid = 'SM' + randomBytes(16).toString('hex');
    outbox.add({ kind: 'sms', to, from: form.get('From') ?? undefined, body, data: { sid } });
    if (options.beforeReply) await options.beforeReply(to);
    const now = new Date().toUTCString();
    sendJson(res, 201, {
      sid, account_sid: options.accountSid, to, from: form.get('From'), body, status: 'queued',
      num_segments: '1', direction: 'outbound-api', date_created: now, date_updated: now, uri: `${path.replace('.json', '')}/${sid}.json`,
    });
  }, port);
  return { ...sink, options };
}
