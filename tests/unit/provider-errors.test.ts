// Which provider errors are refusals (permanent for the channel), which are worth retrying, and which leave
// the message's fate unknown.
import { smsNotConfigured } from '../../activities/clients/sms';
import { classifySmtpError, classifyTwilioError, ProviderError } from '../../activities/clients/provider-errors';

const rest = (status: number, code?: number) => Object.assign(new Error('twilio said no'), { status, code });
const net = (code: string) => Object.assign(new Error(code), { code });

test.each([
  [rest(401, 20003), 'rejected', '20003'],
  [rest(400, 21211), 'rejected', '21211'],
  [rest(400, 21610), 'rejected', '21610'],
  [rest(400, 21614), 'rejected', '21614'],
  [rest(429, 20429), 'transient', '20429'],
  [rest(503), 'transient', 'http_503'],
  [net('ECONNREFUSED'), 'transient', 'ECONNREFUSED'],
  [net('ECONNRESET'), 'unknown', 'ECONNRESET'],
  [net('ECONNABORTED'), 'unknown', 'ECONNABORTED'],
  [new Error('socket hang up'), 'unknown', 'network_error'],
])('Twilio %#: %s', (error, kind, code) => {
  expect(classifyTwilioError(error)).toMatchObject({ kind, code });
});

test.each([
  [Object.assign(new Error('550 mailbox unavailable'), { responseCode: 550, command: 'RCPT TO' }), 'rejected', '550'],
  [Object.assign(new Error('451 try later'), { responseCode: 451, command: 'DATA' }), 'transient', '451'],
  [
    Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), { code: 'ESOCKET', command: 'CONN' }),
    'transient',
    'ESOCKET',
  ],
  // nodemailer says CONN even when the connection closed during DATA: the message may be out.
  [
    Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION', command: 'CONN' }),
    'unknown',
    'ECONNECTION',
  ],
  [Object.assign(new Error('timeout'), { code: 'ETIMEDOUT', command: 'DATA' }), 'unknown', 'ETIMEDOUT'],
])('SMTP %#: %s', (error, kind, code) => {
  expect(classifySmtpError(error)).toMatchObject({ kind, code });
});

test('without Twilio configured every SMS is refused for the channel (the case falls back), never lost as unknown', async () => {
  const refusal = await smsNotConfigured.send('+15550000000', 'hello').catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(ProviderError);
  expect((refusal as ProviderError).failure).toMatchObject({ kind: 'rejected', code: 'sms_not_configured' });
  expect(await smsNotConfigured.findSent('+15550000000', 'hello', new Date())).toBeUndefined();
});
