import { DataServiceConfig } from '@arogyam/service-kit';

/** analytics-service needs only what every data service does: its database and NATS. */
export class AnalyticsServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_analytics';
}
