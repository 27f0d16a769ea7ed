import type { RpcErrorPayload } from '@arogyam/contracts';
import { RpcCallError } from '@arogyam/messaging';

/** The error body an RPC answered with; fails the test if the call succeeded or failed otherwise. */
export async function rpcFailure(call: Promise<unknown>): Promise<RpcErrorPayload> {
  try {
    await call;
  } catch (error) {
    if (error instanceof RpcCallError) return error.payload;
    throw error;
  }
  throw new Error('Expected the call to fail, but it succeeded');
}
