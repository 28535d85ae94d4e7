// An HTTP server shaped like Twilio's Messages API: the real Twilio SDK posts to it and lists from it, and it
// keeps each SMS. It calls the StatusCallback of each message (signed like Twilio), and can be told to
// misbehave so tests and demos can drive every failure path: POST /_control/faults with a TwilioFaults body,
// or set `faults` on the running sink.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import twilio from 'twilio';
import { httpPoster } from '../../activities/clients/http-post';
import { listen, readBody, sendJson, type RunningSink } from './http';
import type { Outbox } from './outbox';

interface TwilioFaults {
  // Only messages to these numbers misbehave (all when unset).
  onlyTo?: string[];
  // Answer every create with this HTTP status and Twilio error code (e.g. 503/20500 transient, 400/21211).
  fail?: { status: number; code: number; message?: string };
  // Keep the message, then drop the connection without answering (the sender cannot know it went out).
  resetAfterAccept?: boolean;
  // Share (0..1) of creates that get resetAfterAccept; 1 when unset and resetAfterAccept is on.
  resetShare?: number;
  // The first message to each of these numbers gets resetAfterAccept (a repeatable way to drop answers).
  resetFirstTo?: string[];
  // Wait this long before answering a create.
  delayMs?: number;
  // Report these numbers' messages undelivered (status callback) with this error code.
  undeliveredTo?: string[];
  undeliveredCode?: number;
  // Deliver the status callback, and wait for its answer, before answering the create: the report reaches
  // Holdfast before the sender knows the message's SID (real Twilio can do this under load).
  reportBeforeReply?: boolean;
}

export interface TwilioSinkOptions {
  accountSid: string;
  authToken: string;
  // Test hook: runs after a message is captured and before the answer is sent (e.g. to crash a worker).
  beforeReply?: (to: string) => Promise<void>;
  faults?: TwilioFaults;
  // How often each fault was served (for tests to show they exercised it).
  served?: { failed: number; reset: number };
}

interface StoredMessage {
  sid: string;
  to: string;
  from: string | null;
  body: string;
  status: string;
  created: Date;
}

function authorized(req: IncomingMessage, sid: string, token: string): boolean {
  const header = req.headers.authorization ?? '';
  const expected = `Basic ${Buffer.from(`${sid}:${token}`).toString('base64')}`;
  return header === expected;
}

function resource(m: StoredMessage, accountSid: string, path: string) {
  const date = m.created.toUTCString();
  return {
    sid: m.sid,
    account_sid: accountSid,
    to: m.to,
    from: m.from,
    body: m.body,
    status: m.status,
    num_segments: '1',
    direction: 'outbound-api',
    date_created: date,
    date_updated: date,
    date_sent: date,
    uri: `${path.replace('.json', '')}/${m.sid}.json`,
  };
}

const post = httpPoster(5_000);

// Twilio signs callbacks with the account's auth token over the URL and the sorted form fields.
async function postStatus(url: string, authToken: string, params: Record<string, string>): Promise<void> {
  const signature = twilio.getExpectedTwilioSignature(authToken, url, params);
  await post(new URL(url), new URLSearchParams(params).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    'x-twilio-signature': signature,
  }).catch(() => undefined);
}

export async function startTwilioSink(
  outbox: Outbox,
  options: TwilioSinkOptions,
  port = 0,
): Promise<RunningSink & { options: TwilioSinkOptions }> {
  const path = `/2010-04-01/Accounts/${options.accountSid}/Messages.json`;
  const messages: StoredMessage[] = [];
  const resetOnce = new Set<string>();
  const sink = await listen(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://sink');
    if (req.method === 'POST' && url.pathname === '/_control/faults') {
      options.faults = JSON.parse((await readBody(req)) || '{}') as TwilioFaults;
      return sendJson(res, 200, { faults: options.faults });
    }
    if (url.pathname !== path || (req.method !== 'POST' && req.method !== 'GET'))
      return sendJson(res, 404, { code: 20404, message: 'The requested resource was not found' });
    if (!authorized(req, options.accountSid, options.authToken))
      return sendJson(res, 401, { code: 20003, message: 'Authenticate', status: 401 });

    if (req.method === 'GET') {
      const to = url.searchParams.get('To');
      const from = url.searchParams.get('From');
      const after = url.searchParams.get('DateSent>');
      const day = after ? Date.parse(after.slice(0, 10)) : 0;
      const found = messages.filter(
        (m) => (!to || m.to === to) && (!from || m.from === from) && m.created.getTime() >= day,
      );
      return sendJson(res, 200, {
        messages: found.map((m) => resource(m, options.accountSid, path)),
        page: 0,
        page_size: 200,
        first_page_uri: url.pathname,
        next_page_uri: null,
        previous_page_uri: null,
        uri: url.pathname + url.search,
      });
    }

    const form = new URLSearchParams(await readBody(req));
    const to = form.get('To');
    const body = form.get('Body');
    const faults =
      options.faults && (!options.faults.onlyTo || (to && options.faults.onlyTo.includes(to))) ? options.faults : {};
    if (faults.delayMs) await new Promise((r) => setTimeout(r, faults.delayMs));
    options.served ??= { failed: 0, reset: 0 };
    const served = options.served;
    if (faults.fail) served.failed++;
    if (faults.fail)
      return sendJson(res, faults.fail.status, {
        code: faults.fail.code,
        message: faults.fail.message ?? 'Service unavailable',
        more_info: `https://www.twilio.com/docs/errors/${faults.fail.code}`,
        status: faults.fail.status,
      });
    if (!to || !body)
      return sendJson(res, 400, {
        code: 21604,
        message: "A 'To' phone number and a 'Body' are required.",
        status: 400,
      });
    const message: StoredMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      to,
      from: form.get('From'),
      body,
      status: 'queued',
      created: new Date(),
    };
    messages.push(message);
    outbox.add({ kind: 'sms', to, from: message.from ?? undefined, body, data: { sid: message.sid } });
    if (options.beforeReply) await options.beforeReply(to);

    const callback = form.get('StatusCallback');
    if (callback) {
      const undelivered = faults.undeliveredTo?.includes(to);
      const report = () => {
        message.status = undelivered ? 'undelivered' : 'delivered';
        const params: Record<string, string> = {
          MessageSid: message.sid,
          SmsSid: message.sid,
          AccountSid: options.accountSid,
          To: to,
          From: message.from ?? '',
          MessageStatus: message.status,
          SmsStatus: message.status,
        };
        if (undelivered) params.ErrorCode = String(faults.undeliveredCode ?? 30003);
        return postStatus(callback, options.authToken, params);
      };
      if (faults.reportBeforeReply) await report();
      else setTimeout(() => void report(), 50).unref();
    }
    const firstToListed = options.faults?.resetFirstTo?.includes(to) && !resetOnce.has(to);
    if (firstToListed) resetOnce.add(to);
    if (firstToListed || (faults.resetAfterAccept && Math.random() < (faults.resetShare ?? 1))) {
      served.reset++;
      req.socket.destroy();
      return;
    }
    sendJson(res, 201, resource(message, options.accountSid, path));
  }, port);
  return { ...sink, options };
}
