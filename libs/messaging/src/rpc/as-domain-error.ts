import { DomainError } from '@arogyam/contracts';
import { RpcCallError } from './rpc-call-error';

/**
 * An upstream service's failure as this service's own domain error: its status and message pass
 * through (503/504 when it is down or slow, so the caller is told to try again), and its 404 gets
 * the message this service gives for what was not found.
 */
export function asDomainError(error: unknown, notFoundMessage: string): unknown {
  if (!(error instanceof RpcCallError)) return error;
  const { statusCode, message, details } = error.payload;
  return new DomainError(statusCode, statusCode === 404 ? notFoundMessage : message, details);
}
