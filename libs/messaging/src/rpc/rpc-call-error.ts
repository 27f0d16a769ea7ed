import { errorPayload, type RpcErrorPayload } from '@arogyam/contracts';

/** An RPC that failed, carrying the public error body the gateway answers with. */
export class RpcCallError extends Error {
  constructor(readonly payload: RpcErrorPayload) {
    super(payload.message);
    this.name = 'RpcCallError';
  }

  static of(statusCode: number, message: string): RpcCallError {
    return new RpcCallError(errorPayload(statusCode, message));
  }
}
