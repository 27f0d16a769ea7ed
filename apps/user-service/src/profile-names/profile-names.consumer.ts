import type { OnModuleDestroy, OnModuleInit, Provider } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { ProfileEventTypes, type EventEnvelope, type ProfileRenamedPayload } from '@arogyam/contracts';
import { EventConsumer, NATS_CONNECTION } from '@arogyam/messaging';
import { AccountNamesService } from './account-names.service';

/**
 * user-service's durable consumers of the profile services' rename events (one per type),
 * started with the module and stopped after its in-flight event.
 */
export class ProfileNamesConsumer implements OnModuleInit, OnModuleDestroy {
  constructor(private readonly consumer: EventConsumer) {}

  static readonly provider: Provider = {
    provide: ProfileNamesConsumer,
    inject: [NATS_CONNECTION, AccountNamesService],
    useFactory: (connection: NatsConnection, names: AccountNamesService) => {
      const apply =
        (role: 'doctor' | 'patient') =>
        (event: EventEnvelope): Promise<void> =>
          names.renamed(role, event.payload as ProfileRenamedPayload, event.occurredAt);
      return new ProfileNamesConsumer(
        new EventConsumer(connection, {
          service: 'user',
          handlers: {
            [ProfileEventTypes.doctorRenamed]: apply('doctor'),
            [ProfileEventTypes.patientRenamed]: apply('patient'),
          },
        }),
      );
    },
  };

  onModuleInit(): Promise<void> {
    return this.consumer.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.consumer.stop();
  }
}
