// Email through nodemailer over SMTP.
import nodemailer from 'nodemailer';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  // Stable per send, so a provider that deduplicates on Message-ID can.
  messageId: string;
}

export interface EmailSender {
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
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
      return { providerId: info.messageId };
    },
  };
}
