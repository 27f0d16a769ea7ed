import { IsInt, Max, Min } from 'class-validator';
import { DataServiceConfig } from '@arogyam/service-kit';

export class AppointmentServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_appointments';

  /** A cancellation this close to the start is marked `cancelledLate` (fees, no-show policy). */
  @IsInt()
  @Min(0)
  @Max(720)
  LATE_CANCELLATION_HOURS: number = 24;
}
