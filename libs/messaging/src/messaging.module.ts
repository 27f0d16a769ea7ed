import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { EventPublisher } from './jetstream/event-publisher';
import { connectNats, NATS_CONNECTION } from './nats-connection';
import type { NatsAccess } from './bus/nats-access';
import { RpcClient } from './rpc/rpc-client';

export interface MessagingOptions {
  /** The process's principal on NATS (bus-principals.ts) and where the servers are. */
  nats: NatsAccess;
  /** Shown in NATS monitoring: `<service>#<instance>`. */
  connectionName: string;
  rpcTimeoutMs?: number;
}

/**
 * The process's own NATS connection for outgoing RPCs and JetStream. (Incoming RPCs arrive on
 * the Nest NATS transport's connection.) It is drained on shutdown so in-flight work finishes.
 */
@Global()
@Module({})
export class MessagingModule implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly connection: NatsConnection) {}

  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: NATS_CONNECTION, useFactory: () => connectNats(options.nats, options.connectionName) },
        {
          provide: RpcClient,
          useFactory: (nc: NatsConnection) => new RpcClient(nc, options.rpcTimeoutMs),
          inject: [NATS_CONNECTION],
        },
        {
          provide: EventPublisher,
          useFactory: (nc: NatsConnection) => new EventPublisher(nc),
          inject: [NATS_CONNECTION],
        },
      ],
      exports: [NATS_CONNECTION, RpcClient, EventPublisher],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.connection.isClosed()) await this.connection.drain();
  }
}
