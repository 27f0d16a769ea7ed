import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { DoctorServiceConfig } from './config/doctor-service.config';

export const doctorService: ServiceBootstrapOptions<DoctorServiceConfig> = {
  service: 'doctor',
  config: DoctorServiceConfig,
  module: (config) => AppModule.register(config),
};
