import { Logger } from '@nestjs/common';
import type { ChatErrorAck } from '@arogyam/contracts';
import { RpcCallError, createValidationPipe, failureForLog, validateMessagePart } from '@arogyam/messaging';

/** A socket event refused: its ack is this error instead of a result. */
export class SocketAckError extends Error {
  constructor(readonly ack: ChatErrorAck) {
    super(ack.message);
    this.name = 'SocketAckError';
  }
}

const CODES: Record<number, ChatErrorAck['error']> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  429: 'rate_limited',
  503: 'unavailable',
  504: 'unavailable',
};

const logger = new Logger('SocketAcks');

/** The error ack of a failed event: a service's answer keeps its message (and details) under a stable code. */
export function toErrorAck(error: unknown): ChatErrorAck {
  if (error instanceof SocketAckError) return error.ack;
  if (error instanceof RpcCallError) {
    const { statusCode, message, details } = error.payload;
    return { error: CODES[statusCode] ?? 'internal', message, ...(details ? { details } : {}) };
  }
  logger.error(failureForLog(error));
  return { error: 'internal', message: 'Something went wrong on our side; please try again.' };
}

const socketPipe = createValidationPipe(
  (details) =>
    new SocketAckError({ error: 'bad_request', message: 'The event has invalid fields.', details }),
);

/** Validates an event's payload like a request body: whitelist, no unknown fields, details on failure. */
export async function validateSocketPayload<T extends object>(
  dto: new () => T,
  payload: unknown,
): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new SocketAckError({ error: 'bad_request', message: 'The event needs an object payload.' });
  }
  return validateMessagePart(dto, payload, socketPipe);
}
