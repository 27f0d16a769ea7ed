import { DataServiceConfig } from '@arogyam/service-kit';

/** audit-service needs only what every data service does: its database and NATS. */
export class AuditServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_audit';
}
