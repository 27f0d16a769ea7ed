import { asDomainError } from './as-domain-error';
import type { RpcClient } from './rpc-client';

/**
 * One call a service makes to another. The other service's failure keeps its status and message
 * (404, or 503/504 when it is down or slow) and leaves as the caller's own domain error, so the
 * client sees why, not a 500; a 404 is reworded in the caller's terms.
 */
export async function callUpstream<T>(
  rpc: RpcClient,
  subject: string,
  data: object,
  notFoundMessage: string,
  requestId?: string,
): Promise<T> {
  try {
    return await rpc.send<T>(subject, data, { requestId });
  } catch (error) {
    throw asDomainError(error, notFoundMessage);
  }
}
