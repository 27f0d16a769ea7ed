import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { runOneOffUpgrade } from '@arogyam/persistence';
import { PatientRepository } from './patient.repository';

/**
 * At start-up, once per database (a marker in `upgrades`), gives patients stored before admins'
 * phone search their phone keys. A failure is logged and retried on the next start, never a
 * refusal to start; until then those patients are not found by phone.
 */
@Injectable()
export class PhoneKeysUpgrade implements OnApplicationBootstrap {
  private readonly logger = new Logger(PhoneKeysUpgrade.name);

  constructor(private readonly patients: PatientRepository) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      const changed = await runOneOffUpgrade(this.patients.connection, 'patient-phone-keys-1', () =>
        this.patients.addMissingPhoneKeys(),
      );
      if (changed) this.logger.log(`Gave ${changed} patients stored by an earlier version their phone keys.`);
    } catch (error) {
      this.logger.warn(`Older patients get their phone keys on the next start: ${(error as Error).message}`);
    }
  }
}
