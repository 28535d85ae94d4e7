// A real SMTP server that keeps every message instead of delivering it, decoded as a mail client would
// (mailparser: MIME encoded-word subjects such as a Chinese one, quoted-printable and base64 bodies).
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Outbox } from './outbox';
import type { RunningSink } from './http';

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
      stream.on('end', async () => {
        if (faults.rejectWith)
          return callback(Object.assign(new Error('refused by the sink'), { responseCode: faults.rejectWith }));
        const mail = await simpleParser(Buffer.concat(chunks));
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        outbox.add({
          kind: 'email',
          to,
          from: mail.from?.text,
          subject: mail.subject,
          body: (mail.text ?? '').trim(),
          data: { messageId: mail.messageId },
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
