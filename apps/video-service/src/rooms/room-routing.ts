import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DomainError } from '@arogyam/contracts';
import { NATS_CONNECTION, RpcCallError, RpcClient } from '@arogyam/messaging';
import { RoomDirectory } from './room-directory';

const codec = JSONCodec<unknown>();

/** A call/room operation of this instance, by the name it is forwarded under. */
export type LocalOperation = (message: { appointmentId: string }) => Promise<unknown>;

/**
 * Sends a room's messages to the instance that hosts it. Requests reach any instance of the
 * `video-service` queue group; if the directory says another live instance hosts the room, the
 * request is forwarded to it on `video.instance.<instance>.<operation>` (each instance listens on
 * its own, outside the queue group) and its answer is returned. If that instance is gone (no
 * responders) its entry is stale: this instance takes the room over.
 */
@Injectable()
export class RoomRouting implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RoomRouting.name);
  private readonly operations = new Map<string, LocalOperation>();
  private subscription?: Subscription;

  constructor(
    @Inject(NATS_CONNECTION) private readonly connection: NatsConnection,
    private readonly directory: RoomDirectory,
    private readonly rpc: RpcClient,
  ) {}

  register(name: string, operation: LocalOperation): void {
    this.operations.set(name, operation);
  }

  onModuleInit(): void {
    const prefix = `video.instance.${this.directory.instance}.`;
    this.subscription = this.connection.subscribe(`${prefix}*`, {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Forwarded request: ${error.message}`);
        void (async () => {
          let id: string | undefined;
          try {
            const packet = codec.decode(message.data) as { id?: string; data: { appointmentId: string } };
            id = packet.id;
            const operation = this.operations.get(message.subject.slice(prefix.length));
            if (!operation) throw DomainError.notFound('Unknown video operation.');
            message.respond(codec.encode({ id, response: await operation(packet.data), isDisposed: true }));
          } catch (failure) {
            const err =
              failure instanceof DomainError
                ? failure.toPayload()
                : failure instanceof RpcCallError
                  ? failure.payload
                  : { statusCode: 500, error: 'Internal Server Error', message: 'The video service failed.' };
            message.respond(codec.encode({ id, err, isDisposed: true }));
          }
        })();
      },
    });
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  /** Runs the operation here, or on the instance hosting the room. */
  async route<T>(name: string, message: { appointmentId: string }): Promise<T> {
    const local = this.operations.get(name);
    if (!local) throw new Error(`Unregistered video operation ${name}`);
    const owner = await this.directory.ownerOf(message.appointmentId).catch((error: Error) => {
      this.logger.warn(`Room directory unavailable (${error.message}); handling ${name} here`);
      return undefined;
    });
    if (owner && owner !== this.directory.instance) {
      try {
        return await this.rpc.send<T>(`video.instance.${owner}.${name}`, message);
      } catch (error) {
        const gone = error instanceof RpcCallError && error.payload.statusCode === 503;
        if (!gone) throw error;
        this.logger.warn(`Instance ${owner} hosting room ${message.appointmentId} is gone; taking it over`);
      }
    }
    return (await local(message)) as T;
  }
}
