import { IsTimeZone } from 'class-validator';
import { DataServiceConfig } from '@arogyam/service-kit';

export class PrescriptionServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_prescriptions';

  /** The IANA time zone in which a printed prescription shows its date. */
  @IsTimeZone()
  PDF_TIME_ZONE: string = 'Asia/Kolkata';
}
