import { IntSetting, DataServiceConfig } from '@arogyam/service-kit';

export class DoctorServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_doctors';

  /**
   * How often each instance asks appointment-service again for the doctors whose stored first
   * free slot passed (free-times/next-free-sweep.ts); 0 turns the sweep off (tests that run
   * doctor-service without appointment-service).
   */
  @IntSetting(0, 3600)
  NEXT_FREE_SWEEP_SECONDS: number = 60;
}
