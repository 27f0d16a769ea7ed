import { IntSetting, DataServiceConfig } from '@arogyam/service-kit';

export class AppointmentServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_appointments';

  /** A cancellation this close to the start is marked `cancelledLate` (fees, no-show policy). */
  @IntSetting(0, 720)
  LATE_CANCELLATION_HOURS: number = 24;

  /** How far ahead a slot may be booked or moved to; a later one is 422 (9999-12-31 was accepted). */
  @IntSetting(1, 3650)
  BOOKING_HORIZON_DAYS: number = 180;

  /** How long a booking reuses a doctor's or patient's profile; 0 asks every time (appointments/profile-directory.ts). */
  @IntSetting(0, 3600)
  PROFILE_CACHE_TTL_SECONDS: number = 60;

  /**
   * How long an instance reuses a doctor's schedule; 0 reads it every time (availability/schedule-cache.ts).
   * A change through any instance drops it everywhere at once; this bounds a lost notice.
   */
  @IntSetting(0, 3600)
  SCHEDULE_CACHE_TTL_SECONDS: number = 60;

  /** Per kind (doctors, patients); an entry is ~200 bytes. */
  @IntSetting(1, 1000000)
  PROFILE_CACHE_ENTRIES: number = 50000;

  /**
   * How many days after the last completed consultation the doctor may still read the patient's
   * shared records, medical profile and earlier notes (care/care-relationship-rule.ts).
   */
  @IntSetting(1, 3650)
  CARE_RELATIONSHIP_DAYS: number = 30;
}
