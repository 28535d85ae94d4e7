// What a provider's error means for a message: definitely refused (permanent for this channel), definitely
// not sent but worth retrying (transient), or sent-or-not unknown (the request left and no answer came back).
type SendFailureKind = 'rejected' | 'transient' | 'unknown';

export interface SendFailure {
  kind: SendFailureKind;
  // The provider's code (Twilio's 21211, SMTP's 550) or the network error's (ECONNRESET).
  code: string;
  message: string;
}

export class ProviderError extends Error {
  constructor(readonly failure: SendFailure) {
    super(failure.message);
  }
}

// Errors where the connection never opened: nothing reached the provider.
const NEVER_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

const errorCode = (e: unknown): string | undefined => {
  const err = e as { code?: unknown; cause?: { code?: unknown } };
  const code =
    typeof err?.code === 'string' ? err.code : typeof err?.cause?.code === 'string' ? err.cause.code : undefined;
  return code;
};

const messageOf = (e: unknown) => String((e as Error)?.message ?? e).slice(0, 300);

// Twilio answers with an HTTP status and its own error code (RestException); the SDK throws axios'
// network errors as they are.
export function classifyTwilioError(e: unknown): SendFailure {
  const rest = e as { status?: unknown; code?: unknown; moreInfo?: unknown };
  if (typeof rest?.status === 'number') {
    const code = rest.code !== undefined ? String(rest.code) : `http_${rest.status}`;
    // 429 and 5xx: Twilio did not take the message; 4xx: it refused this one (20003 auth, 21211 bad number,
    // 21610 unsubscribed, 21614 not a mobile) and will refuse it again.
    const kind = rest.status === 429 || rest.status >= 500 ? 'transient' : 'rejected';
    return { kind, code, message: messageOf(e) };
  }
  const code = errorCode(e) ?? 'network_error';
  return { kind: NEVER_CONNECTED.has(code) ? 'transient' : 'unknown', code, message: messageOf(e) };
}

// nodemailer reports the SMTP reply code (responseCode) when the server answered. Without one, only a
// connection that never opened (refused, no such host) is known not to have carried the message: nodemailer
// labels even a close in the middle of DATA as a connection error, so anything else is unknown.
export function classifySmtpError(e: unknown): SendFailure {
  const err = e as { responseCode?: unknown };
  const code = errorCode(e) ?? 'smtp_error';
  if (typeof err?.responseCode === 'number') {
    return {
      kind: err.responseCode >= 500 ? 'rejected' : 'transient',
      code: String(err.responseCode),
      message: messageOf(e),
    };
  }
  const neverConnected = NEVER_CONNECTED.has(code) || [...NEVER_CONNECTED].some((c) => messageOf(e).includes(c));
  return { kind: neverConnected ? 'transient' : 'unknown', code, message: messageOf(e) };
}
