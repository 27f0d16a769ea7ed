import { Injectable } from '@nestjs/common';
import { RpcClient } from '@arogyam/messaging';
import { currentRequestChannel, currentRequestId, currentRequestLanguage } from '@arogyam/service-kit';

/**
 * Calls a service over NATS on behalf of the current HTTP request: its id travels along, and how it
 * arrived (route, gateway instance, client address) for the called service's audit trail, and the
 * language the client reads, for what the service writes (a receipt, a prescription PDF).
 */
@Injectable()
export class ServiceClient {
  constructor(private readonly rpc: RpcClient) {}

  send<TResponse>(subject: string, data: unknown, timeoutMs?: number): Promise<TResponse> {
    const { route, gatewayInstance, clientAddress } = currentRequestChannel();
    return this.rpc.send<TResponse>(subject, data, {
      requestId: currentRequestId(),
      timeoutMs,
      channel: { route, gatewayInstance, clientAddress },
      language: currentRequestLanguage(),
    });
  }
}
