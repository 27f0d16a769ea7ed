import { IntSetting, DataServiceConfig } from '@arogyam/service-kit';

export class PatientServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_patients';

  /** How long a finished data export can be downloaded before the sweep deletes it. */
  @IntSetting(1, 30)
  DATA_EXPORT_TTL_DAYS: number = 7;

  /**
   * How often each instance sweeps data exports: deletes expired archives and fails exports whose
   * instance stopped (no progress for DATA_EXPORT_STALE_SECONDS). 0 turns the sweep off.
   */
  @IntSetting(0, 3600)
  DATA_EXPORT_SWEEP_SECONDS: number = 60;

  /**
   * How often each instance looks for uploads that never became records and deletes their files
   * (health-records/upload-sweep.ts). 0 turns the sweep off.
   */
  @IntSetting(0, 86400)
  UPLOAD_SWEEP_SECONDS: number = 600;

  /** A running export with no progress for this long was left by an instance that stopped. */
  @IntSetting(30, 86400)
  DATA_EXPORT_STALE_SECONDS: number = 180;
}
