import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { AppointmentServiceConfig } from './config/appointment-service.config';

export const appointmentService: ServiceBootstrapOptions<AppointmentServiceConfig> = {
  service: 'appointment',
  config: AppointmentServiceConfig,
  module: (config) => AppModule.register(config),
};
