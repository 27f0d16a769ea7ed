import type { ServiceBootstrapOptions } from '@arogyam/service-kit';
import { AppModule } from './app.module';
import { PatientServiceConfig } from './config/patient-service.config';

export const patientService: ServiceBootstrapOptions<PatientServiceConfig> = {
  service: 'patient',
  config: PatientServiceConfig,
  module: (config) => AppModule.register(config),
};
