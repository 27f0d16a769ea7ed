import { randomUUID } from 'node:crypto';
import { ErrorCode, JSONCodec, headers as natsHeaders, type NatsConnection, type NatsError } from 'nats';
import { isRpcErrorPayload } from '@arogyam/contracts';
import {
  CLIENT_ADDRESS_HEADER,
  GATEWAY_INSTANCE_HEADER,
  LANGUAGE_HEADER,
  REQUEST_ID_HEADER,
  ROUTE_HEADER,
} from '../request-id';
import { RpcCallError } from './rpc-call-error';

export interface RpcCallOptions {
  requestId?: string;
  timeoutMs?: number;
  /** How the call arrived at the gateway (for the audit trail of the service called). */
  channel?: { route?: string; gatewayInstance?: string; clientAddress?: string };
  /** The language the caller reads (the gateway's, from `Accept-Language`). */
  language?: string;
}

/** The reply packet of @nestjs/microservices' NATS server. */
interface NestReplyPacket {
  id?: string;
  response?: unknown;
  err?: unknown;
  isDisposed?: boolean;
}

const codec = JSONCodec<unknown>();

/**
 * Request/reply client speaking @nestjs/microservices' NATS packet format. It uses nats.js's
 * request directly (not Nest's ClientProxy) because that reports "no responders" at once, so a
 * stopped service answers 503 immediately instead of waiting for a timeout.
 */
export class RpcClient {
  constructor(
    private readonly connection: NatsConnection,
    private readonly defaultTimeoutMs = 5000,
  ) {}

  async send<TResponse>(subject: string, data: unknown, options: RpcCallOptions = {}): Promise<TResponse> {
    const service = subject.split('.')[0];
    const h = natsHeaders();
    if (options.requestId) h.set(REQUEST_ID_HEADER, options.requestId);
    if (options.channel?.route) h.set(ROUTE_HEADER, options.channel.route);
    if (options.channel?.gatewayInstance) h.set(GATEWAY_INSTANCE_HEADER, options.channel.gatewayInstance);
    if (options.channel?.clientAddress) h.set(CLIENT_ADDRESS_HEADER, options.channel.clientAddress);
    if (options.language) h.set(LANGUAGE_HEADER, options.language);
    const packet = { pattern: subject, data, id: randomUUID() };
    let reply;
    try {
      reply = await this.connection.request(subject, codec.encode(packet), {
        timeout: options.timeoutMs ?? this.defaultTimeoutMs,
        headers: h,
      });
    } catch (error) {
      const code = (error as NatsError).code;
      if (code === ErrorCode.NoResponders) {
        throw RpcCallError.of(503, `The ${service} service is unavailable; please try again shortly.`);
      }
      if (code === ErrorCode.Timeout) {
        throw RpcCallError.of(504, `The ${service} service did not answer in time; please try again.`);
      }
      throw RpcCallError.of(503, `Messaging is unavailable (${(error as Error).message}).`);
    }
    const answer = codec.decode(reply.data) as NestReplyPacket;
    if (answer.err !== undefined && answer.err !== null) {
      if (isRpcErrorPayload(answer.err)) throw new RpcCallError(answer.err);
      throw RpcCallError.of(500, `The ${service} service failed to handle the request.`);
    }
    return answer.response as TResponse;
  }
}
