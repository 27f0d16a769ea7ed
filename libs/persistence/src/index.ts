export * from './mongo.module';
export * from './schema-options';
export * from './pagination';
export * from './outbox/outbox-entry.schema';
export * from './outbox/outbox-relay';
