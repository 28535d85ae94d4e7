// Email through nodemailer over SMTP.
import nodemailer from 'nodemailer';
import { classifySmtpError, ProviderError } from './provider-errors';

interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  // Stable per send, so a provider that deduplicates on Message-ID can.
  messageId: string;
}

export interface EmailSender {
  // Throws ProviderError, whose failure says whether the message was refused, not sent, or unknown.
  send(message: EmailMessage): Promise<{ providerId: string }>;
}

export function createSmtpEmail(smtpUrl: string, from: string): EmailSender {
  const url = new URL(smtpUrl);
  const local = url.protocol === 'smtp:' && ['127.0.0.1', 'localhost', '::1'].includes(url.hostname);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    // A loopback sink has no certificate to offer.
    ignoreTLS: local,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({
          from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId: message.messageId,
        });
        return { providerId: info.messageId };
      } catch (e) {
        throw new ProviderError(classifySmtpError(e));
      }
    },
  };
}
