import { Injectable } from '@nestjs/common';
import { RpcClient } from '@arogyam/messaging';
import { currentRequestId } from '@arogyam/service-kit';

/** Calls a service over NATS on behalf of the current HTTP request (its id travels along). */
@Injectable()
export class ServiceClient {
  constructor(private readonly rpc: RpcClient) {}

  send<TResponse>(subject: string, data: unknown, timeoutMs?: number): Promise<TResponse> {
    return this.rpc.send<TResponse>(subject, data, { requestId: currentRequestId(), timeoutMs });
  }
}
