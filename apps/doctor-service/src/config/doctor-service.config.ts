import { DataServiceConfig } from '@arogyam/service-kit';

export class DoctorServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_doctors';
}
