import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { AnalyticsServiceConfig } from './config/analytics-service.config';

export const analyticsService: ServiceBootstrapOptions<AnalyticsServiceConfig> = {
  service: 'analytics',
  config: AnalyticsServiceConfig,
  module: (config) => AppModule.register(config),
};
