import { IsInt, Max, Min } from 'class-validator';
import { DataServiceConfig } from '@arogyam/service-kit';

export class DoctorServiceConfig extends DataServiceConfig {
  override MONGO_DB = 'arogyam_doctors';

  /**
   * How often each instance reloads its whole search directory from the database: the safety
   * net for a change notification it missed (they are plain NATS messages, at most once).
   */
  @IsInt()
  @Min(5)
  @Max(3600)
  DIRECTORY_RESYNC_SECONDS: number = 60;
}
