import type { Socket } from 'socket.io-client';
import type { ChatErrorAck } from '../api/types';

/** How long an event waits for its ack before it counts as failed (the server may still have got it). */
export const ACK_TIMEOUT_MS = 10_000;

export type RealtimeErrorCode = ChatErrorAck['error'] | 'offline' | 'timeout';

/** A realtime event that failed: refused by the server (its error ack's code), or never answered. */
export class RealtimeError extends Error {
  readonly code: RealtimeErrorCode;

  constructor(code: RealtimeErrorCode, message: string) {
    super(message);
    this.name = 'RealtimeError';
    this.code = code;
  }
}

const OFFLINE_MESSAGE = 'You are offline. It will work again once Arogyam is reachable.';
const TIMEOUT_MESSAGE = 'Arogyam did not answer in time. Check your connection and try again.';

/**
 * Emits an event and resolves with its ack. Rejects with a RealtimeError when the socket is not
 * connected (nothing is queued for later), when the ack is an error `{error, message}`, or when no
 * ack came in time.
 */
export async function emitWithAck<T>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<T> {
  if (!socket.connected) throw new RealtimeError('offline', OFFLINE_MESSAGE);
  let answer: unknown;
  try {
    answer = await socket.timeout(timeoutMs).emitWithAck(event, payload);
  } catch {
    throw new RealtimeError('timeout', TIMEOUT_MESSAGE);
  }
  if (isErrorAck(answer)) throw new RealtimeError(answer.error, answer.message);
  return answer as T;
}

/** Any failure of a realtime event, as a RealtimeError with a message people can read. */
export function toRealtimeError(thrown: unknown): RealtimeError {
  if (thrown instanceof RealtimeError) return thrown;
  return new RealtimeError('internal', 'Something went wrong. Please try again.');
}

function isErrorAck(answer: unknown): answer is ChatErrorAck {
  if (typeof answer !== 'object' || answer === null) return false;
  const candidate = answer as Record<string, unknown>;
  return typeof candidate.error === 'string' && typeof candidate.message === 'string';
}
