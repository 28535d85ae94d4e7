// A send as the contact and survey stages see it: always a SendResult. A send whose retries ran out is a
// channel failure, or unknown when its last try may have reached the provider.
import { ActivityFailure, ApplicationFailure, TimeoutFailure } from '@temporalio/workflow';
import { SEND_OUTCOME_UNKNOWN, type SendResult } from '../domain/delivery';

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
