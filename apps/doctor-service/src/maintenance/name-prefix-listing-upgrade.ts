import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { runOneOffUpgrade } from '@arogyam/persistence';
import { DoctorRepository } from '../profiles/doctor.repository';

/**
 * At start-up, once per database (a marker in `upgrades`), fills `listedNamePrefixes` for the
 * doctors listed before it existed (docs/decisions.md, "Doctor search"); until it has, a search by
 * name alone does not find them. In the background: at 50,000 doctors it writes about a million
 * rows, which must not hold the start past its readiness check. Safe while serving (rows written
 * meanwhile by the service are kept) and to run twice; a failure or a stop before the end leaves
 * no marker, so the next start fills what is missing.
 */
@Injectable()
export class NamePrefixListingUpgrade implements OnApplicationBootstrap {
  private readonly logger = new Logger(NamePrefixListingUpgrade.name);

  constructor(
    @InjectConnection() private readonly connection: Connection,
    private readonly doctors: DoctorRepository,
  ) {}

  onApplicationBootstrap(): void {
    void this.upgrade();
  }

  /** The upgrade itself; answers when it ended (or failed, which it logs). */
  async upgrade(): Promise<void> {
    try {
      const filled = await runOneOffUpgrade(this.connection, 'doctor-name-prefix-listing-1', () =>
        this.doctors.fillNamePrefixListing(),
      );
      if (filled)
        this.logger.log(`Wrote ${filled} name-prefix rows for doctors listed by an earlier version.`);
    } catch (error) {
      this.logger.warn(
        `Doctors listed by an earlier version are found by name after the next start: ${(error as Error).message}`,
      );
    }
  }
}
