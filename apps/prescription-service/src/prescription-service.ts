import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { PrescriptionServiceConfig } from './config/prescription-service.config';

export const prescriptionService: ServiceBootstrapOptions<PrescriptionServiceConfig> = {
  service: 'prescription',
  config: PrescriptionServiceConfig,
  module: (config) => AppModule.register(config),
};
