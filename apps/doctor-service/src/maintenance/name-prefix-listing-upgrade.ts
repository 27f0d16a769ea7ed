import { Injectable } from '@nestjs/common';
import { UpgradeAtStartupProvider, type MarkedStartupUpgrade } from '@arogyam/persistence';
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
export class NamePrefixListingUpgrade extends UpgradeAtStartupProvider {
  protected override readonly inBackground = true;

  constructor(private readonly doctors: DoctorRepository) {
    super();
  }

  protected override upgrade(): MarkedStartupUpgrade {
    return {
      name: 'doctor-name-prefix-listing-1',
      run: () => this.doctors.fillNamePrefixListing(),
      changed: (filled) => `Wrote ${filled} name-prefix rows for doctors listed by an earlier version.`,
      retried: 'Doctors listed by an earlier version are found by name after the next start',
    };
  }
}
