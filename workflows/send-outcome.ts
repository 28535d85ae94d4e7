// A send as the contact and survey stages see it: always a SendResult. A send whose retries ran out is a
// channel failure, or unknown when its last try may have reached the provider.
import { ActivityFailure, ApplicationFailure, patched, TimeoutFailure } from '@temporalio/workflow';
import { SEND_OUTCOME_UNKNOWN, type SendResult, type SentMessage } from '../domain/delivery';
import { MESSAGE_ON_TIMELINE } from './patches';

export async function settledSend<R>(send: () => Promise<R>): Promise<R | SendResult> {
  try {
    return await send();
  } catch (e) {
    if (!(e instanceof ActivityFailure)) throw e;
    const cause = e.cause;
    if (cause instanceof TimeoutFailure)
      return { status: 'unknown', code: 'timeout', message: 'the provider did not answer in time' };
    if (!(cause instanceof ApplicationFailure)) throw e;
    const detail = cause.details?.[0] as { code?: string; message?: string } | undefined;
    const message = detail?.message ?? cause.message;
    if (cause.type === SEND_OUTCOME_UNKNOWN) return { status: 'unknown', code: detail?.code, message };
    return { status: 'failed', code: detail?.code ?? cause.type ?? 'error', message };
  }
}

// What a sent message adds to its timeline event: which template, locale, encoding and parts (a case opened
// before 1.1 records the event as it did).
export function sentMessageData(sent: SendResult): { message?: SentMessage } {
  if (!patched(MESSAGE_ON_TIMELINE)) return {};
  return sent.status === 'sent' && sent.message ? { message: sent.message } : {};
}
