import type { OnModuleDestroy, OnModuleInit, Provider, Type } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import type { UserRole } from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION, type EventHandler } from '@arogyam/messaging';
import type { AccountStatusStore } from './person-profile.repository';
import { profileAccountEventHandlers } from './profile-account-events';

export interface ProfileAccountEventsOwner<TCreate extends object> {
  /** The consuming service: its durable consumers are `<service>-service_<type>`, shared by its instances. */
  service: string;
  role: UserRole;
  /** The repository of the profile collection. */
  repository: Type<AccountStatusStore>;
  createMessage: new () => TCreate;
  /**
   * The service's own idempotent `*.profile.create`, and optionally what it does once an
   * account-status event changed a profile (e.g. refresh a read model).
   */
  profiles: Type<ProfileOwnerService<TCreate>>;
  /**
   * The service's other events: one EventConsumer per service takes all its events (a durable
   * consumer per type), so they are handled by the same one (e.g. doctor-service's read model of
   * availability, an erasure's part in each service, after the events stored before it).
   */
  otherEvents?: Type<OtherEventHandlers>[];
}

export interface OtherEventHandlers {
  handlers(): Record<string, EventHandler>;
}

export interface ProfileOwnerService<TCreate extends object> {
  create(message: TCreate): Promise<unknown>;
  accountStatusChanged?(userId: string): Promise<void>;
}

/**
 * The durable JetStream consumer through which a profile service follows user-service's account
 * events; started with the module, stopped (after its in-flight event) when the module stops.
 */
export class ProfileAccountEventsConsumer implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly consumer: EventConsumer) {}

  /** The Nest provider that wires the consumer to a service's profile model and create. */
  static provider<TCreate extends object>(owner: ProfileAccountEventsOwner<TCreate>): Provider {
    return {
      provide: ProfileAccountEventsConsumer,
      inject: [NATS_CONNECTION, owner.repository, owner.profiles, ...(owner.otherEvents ?? [])],
      useFactory: (
        connection: NatsConnection,
        repository: AccountStatusStore,
        profiles: ProfileOwnerService<TCreate>,
        ...otherEvents: OtherEventHandlers[]
      ) =>
        new ProfileAccountEventsConsumer(
          new EventConsumer(connection, {
            service: owner.service,
            handlers: {
              ...Object.assign({}, ...otherEvents.map((other) => other.handlers())),
              ...profileAccountEventHandlers({
                role: owner.role,
                profiles: repository,
                createMessage: owner.createMessage,
                createProfile: (message) => profiles.create(message),
                onStatusApplied: async (userId) => profiles.accountStatusChanged?.(userId),
              }),
            },
          }),
        ),
    };
  }

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}
