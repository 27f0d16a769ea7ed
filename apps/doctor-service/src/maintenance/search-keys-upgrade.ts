import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DoctorRepository } from '../profiles/doctor.repository';

/**
 * At start-up, gives doctors stored before the fee and free-time search keys their keys (what
 * `maintenance/rewrite-search-keys.js` does by hand), so a database from an earlier version is
 * searched by fee and sorted by soonest without anyone remembering to run it. Safe while serving;
 * a failure is logged and retried on the next start, never a refusal to start.
 */
@Injectable()
export class SearchKeysUpgrade implements OnApplicationBootstrap {
  private readonly logger = new Logger(SearchKeysUpgrade.name);

  constructor(private readonly doctors: DoctorRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      if (!(await this.doctors.hasDoctorsWithoutSearchOrders())) return;
      const rewritten = await this.doctors.rewriteSearchKeys();
      this.logger.log(`Gave ${rewritten} doctors stored by an earlier version their search keys.`);
    } catch (error) {
      this.logger.warn(
        `Older doctors keep their search keys until the next start: ${(error as Error).message}`,
      );
    }
  }
}
