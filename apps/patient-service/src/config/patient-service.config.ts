import { DataServiceConfig } from '@arogyam/service-kit';

export class PatientServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_patients';
}
