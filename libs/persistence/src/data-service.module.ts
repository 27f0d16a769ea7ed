import { Module, type DynamicModule } from '@nestjs/common';
import { MongooseModule, getModelToken, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { EventPublisher, MessagingModule } from '@arogyam/messaging';
import { HealthModule, type DataServiceConfig } from '@arogyam/service-kit';
import type { AuditedService } from '@arogyam/contracts';
import { AuditOutbox, auditOutboxModel } from './audit/audit-outbox.schema';
import { AuditOutboxRelay } from './audit/audit-outbox.relay';
import { AUDITED_SERVICE, AuditTrail } from './audit/audit-trail';
import { MongoHealthIndicator, MongoModule } from './mongo.module';
import { OutboxRelay, outboxRelayToken, outboxScheduleOf } from './outbox/outbox-relay';

export interface DataServiceOptions<C extends DataServiceConfig> {
  /** Short name: `chat` for chat-service. */
  service: string;
  config: C;
  /** The collections this service owns. */
  models: ModelDefinition[];
  /** Models whose documents carry an outbox: each gets a running OutboxRelay (InjectOutboxRelay). */
  outboxes?: string[];
  /**
   * Set by a service that serves clinical data: it gets AuditTrail (its accesses, through its own
   * `auditOutbox`, to audit-service). The value is the service's name in the trail: its chain.
   */
  audited?: AuditedService;
}

/**
 * What every service that owns collections is built on: its own database and models, its NATS
 * connection (RPC client, JetStream), its health answer, and its validated config injectable by
 * its class. Global, so feature providers see all of it.
 */
@Module({})
export class DataServiceModule {
  static forService<C extends DataServiceConfig>(options: DataServiceOptions<C>): DynamicModule {
    const { service, config, models, outboxes = [], audited } = options;
    const features = MongooseModule.forFeature(audited ? [...models, auditOutboxModel] : models);
    const relays = outboxes.map((modelName) => ({
      provide: outboxRelayToken(modelName),
      inject: [getModelToken(modelName), EventPublisher],
      useFactory: (model: Model<{ _id: unknown }>, publisher: EventPublisher) =>
        new OutboxRelay(model, publisher, outboxScheduleOf(config)),
    }));
    const auditing = audited
      ? [
          { provide: AUDITED_SERVICE, useValue: audited },
          {
            provide: AuditOutboxRelay,
            inject: [getModelToken(AuditOutbox.name), EventPublisher],
            useFactory: (model: Model<AuditOutbox>, publisher: EventPublisher) =>
              new AuditOutboxRelay(model, publisher, outboxScheduleOf(config)),
          },
          AuditTrail,
        ]
      : [];
    return {
      module: DataServiceModule,
      global: true,
      imports: [
        MongoModule.forService({
          url: config.MONGO_URL,
          dbName: config.MONGO_DB ?? `arogyam_${service}`,
          maxPoolSize: config.MONGO_MAX_POOL_SIZE,
        }),
        features,
        MessagingModule.forRoot({
          nats: config.natsAccess,
          connectionName: `${service}-service#${config.INSTANCE_ID}`,
          rpcTimeoutMs: config.RPC_TIMEOUT_MS,
        }),
        HealthModule.forService({
          service,
          instance: config.INSTANCE_ID,
          indicators: [MongoHealthIndicator],
        }),
      ],
      providers: [{ provide: config.constructor, useValue: config }, ...relays, ...auditing],
      exports: [
        features,
        config.constructor,
        ...relays.map((relay) => relay.provide),
        ...(audited ? [AuditTrail] : []),
      ],
    };
  }
}
