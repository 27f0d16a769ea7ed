import { DomainError } from '@arogyam/contracts';
import { RpcCallError } from '@arogyam/messaging';

/**
 * A refusal of access (403 or 404, from this service or the one it asked), as opposed to a
 * failure (a service down): only a refusal is a denied access in the audit trail.
 */
export function isRefusal(error: unknown): error is Error {
  const status =
    error instanceof DomainError
      ? error.statusCode
      : error instanceof RpcCallError
        ? error.payload.statusCode
        : undefined;
  return status === 403 || status === 404;
}
