import { HTTP_ERROR_NAMES, type RpcErrorPayload } from '@arogyam/contracts';

/** An RPC that failed, carrying the public error body the gateway answers with. */
export class RpcCallError extends Error {
  constructor(readonly payload: RpcErrorPayload) {
    super(payload.message);
    this.name = 'RpcCallError';
  }

  static of(statusCode: number, message: string): RpcCallError {
    return new RpcCallError({ statusCode, error: HTTP_ERROR_NAMES[statusCode] ?? 'Error', message });
  }
}
