import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { DomainError, videoInstanceSubject } from '@arogyam/contracts';
import { NATS_CONNECTION, RpcCallError, RpcClient } from '@arogyam/messaging';
import { RoomDirectory, RoomHostedElsewhere } from './room-directory';

const codec = JSONCodec<unknown>();

/** Forwards after which a request still finds no settled host (rooms moving meanwhile): 503. */
const MAX_HOPS = 2;

/** A call/room operation of this instance, by the name it is forwarded under. */
export type LocalOperation = (message: { appointmentId: string }) => Promise<unknown>;

/**
 * Sends a room's messages to the instance that hosts it. Requests reach any instance of the
 * `video-service` queue group; if the directory says another live instance hosts the room, the
 * request is forwarded to it on `video.instance.<instance>.<operation>` (each instance listens on
 * its own, outside the queue group) and its answer is returned. If that instance is gone (no
 * responders) its entry is stale: this instance takes the room over. If another instance claimed
 * the room between the look-up and this instance's own claim, the request goes there.
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
    const prefix = videoInstanceSubject(this.directory.instance, '');
    this.subscription = this.connection.subscribe(`${prefix}*`, {
      callback: (error, message) => {
        if (error) return this.logger.warn(`Forwarded request: ${error.message}`);
        void (async () => {
          let id: string | undefined;
          try {
            const packet = codec.decode(message.data) as { id?: string; data: { appointmentId: string } };
            id = packet.id;
            const name = message.subject.slice(prefix.length);
            const response = await this.runForwarded(name, packet.data);
            message.respond(codec.encode({ id, response, isDisposed: true }));
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

  /**
   * A request another instance forwarded here. If the room went to a third instance meanwhile
   * (it lost a claim race here), one more forward to that host; never back and forth.
   */
  private async runForwarded(name: string, message: { appointmentId: string }): Promise<unknown> {
    const operation = this.operations.get(name);
    if (!operation) throw DomainError.notFound('Unknown video operation.');
    try {
      return await operation(message);
    } catch (error) {
      if (!(error instanceof RoomHostedElsewhere) || error.owner === this.directory.instance) throw error;
      return this.rpc.send(videoInstanceSubject(error.owner, name), message);
    }
  }

  /** Runs the operation here, or on the instance hosting the room. */
  async route<T>(name: string, message: { appointmentId: string }): Promise<T> {
    const local = this.operations.get(name);
    if (!local) throw new Error(`Unregistered video operation ${name}`);
    const { appointmentId } = message;
    let owner = await this.directory.ownerOf(appointmentId).catch((error: Error) => {
      this.logger.warn(`Room directory unavailable (${error.message}); handling ${name} here`);
      return undefined;
    });
    for (let hop = 0; ; hop++) {
      if (owner && owner !== this.directory.instance) {
        try {
          return await this.rpc.send<T>(videoInstanceSubject(owner, name), message);
        } catch (error) {
          const gone = error instanceof RpcCallError && error.payload.statusCode === 503;
          if (!gone) throw error;
          this.logger.warn(`Instance ${owner} hosting room ${appointmentId} is gone; taking it over`);
          owner = await this.directory.takeOver(appointmentId, owner);
          if (owner !== this.directory.instance && hop < MAX_HOPS) continue;
        }
      }
      try {
        return (await local(message)) as T;
      } catch (error) {
        if (!(error instanceof RoomHostedElsewhere)) throw error;
        if (hop >= MAX_HOPS)
          throw new DomainError(503, 'The call is moving between video servers; try again.');
        owner = error.owner;
      }
    }
  }
}
