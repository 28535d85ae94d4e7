// A real SMTP server that keeps every message instead of delivering it.
import { SMTPServer } from 'smtp-server';
import type { Outbox } from './outbox';
import type { RunningSink } from './http';

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function parseMessage(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = split >= 0 ? raw.slice(0, split) : raw;
  let body = split >= 0 ? raw.slice(split + 4) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  if (encoding === 'quoted-printable') body = decodeQuotedPrintable(body);
  if (encoding === 'base64') body = Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8');
  return { headers, body: body.trim() };
}

export interface SmtpFaults {
  // Keep the message, then drop the connection instead of answering 250: the sender cannot know it went out.
  dropAfterData?: boolean;
  // Answer DATA with this SMTP code (e.g. 550 refused, 451 try later) and keep nothing.
  rejectWith?: number;
}

export function startSmtpSink(outbox: Outbox, port = 0): Promise<RunningSink & { faults: SmtpFaults }> {
  const faults: SmtpFaults = {};
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (faults.rejectWith)
          return callback(Object.assign(new Error('refused by the sink'), { responseCode: faults.rejectWith }));
        const { headers, body } = parseMessage(Buffer.concat(chunks).toString('utf8'));
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        outbox.add({
          kind: 'email',
          to,
          from: headers.from,
          subject: headers.subject,
          body,
          data: { messageId: headers['message-id'] },
        });
        if (faults.dropAfterData) {
          // smtp-server keeps its connections; the one carrying this session is closed without a reply.
          const connections = (
            server as unknown as { connections: Set<{ session?: { id: string }; _socket: { destroy(): void } }> }
          ).connections;
          for (const c of connections) if (c.session?.id === session.id) c._socket.destroy();
          return;
        }
        callback();
      });
    },
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const bound = (server.server.address() as { port: number }).port;
      resolve({
        url: `smtp://127.0.0.1:${bound}`,
        port: bound,
        faults,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
