import { IsInt, Max, Min } from 'class-validator';
import { DataServiceConfig } from '@arogyam/service-kit';

export class AppointmentServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_appointments';

  /** A cancellation this close to the start is marked `cancelledLate` (fees, no-show policy). */
  @IsInt()
  @Min(0)
  @Max(720)
  LATE_CANCELLATION_HOURS: number = 24;

  /**
   * How often each instance reloads its in-memory read models in full (the held times of active
   * appointments, slots/doctor-held-times.ts; doctors' schedules, availability/doctor-schedules.ts):
   * the last safety net for a change notice it missed.
   */
  @IsInt()
  @Min(5)
  @Max(3600)
  READ_MODELS_RESYNC_SECONDS: number = 600;
}
