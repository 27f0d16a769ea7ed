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

  /**
   * How often each instance looks for verification documents that never reached a profile and
   * deletes their files (documents/document-upload-sweep.ts). 0 turns the sweep off.
   */
  @IntSetting(0, 86400)
  UPLOAD_SWEEP_SECONDS: number = 600;
}
