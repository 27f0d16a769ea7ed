import { IsInt, Max, Min } from 'class-validator';
import { DataServiceConfig } from '@arogyam/service-kit';

export class DoctorServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_doctors';

  /**
   * How often each instance reloads its whole search directory from the database: the last
   * safety net for a change notification it missed (plain NATS messages, at most once; a
   * reconnect already triggers a reload). A reload reads every listed doctor, so not often.
   */
  @IsInt()
  @Min(5)
  @Max(3600)
  DIRECTORY_RESYNC_SECONDS: number = 600;
}
