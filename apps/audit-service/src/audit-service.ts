import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { AuditServiceConfig } from './config/audit-service.config';

export const auditService: ServiceBootstrapOptions<AuditServiceConfig> = {
  service: 'audit',
  config: AuditServiceConfig,
  module: (config) => AppModule.register(config),
};
