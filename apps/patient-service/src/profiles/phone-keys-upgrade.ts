import { Injectable } from '@nestjs/common';
import { UpgradeAtStartupProvider, type MarkedStartupUpgrade } from '@arogyam/persistence';
import { PatientRepository } from './patient.repository';

/**
 * At start-up, once per database (a marker in `upgrades`), gives patients stored before admins'
 * phone search their phone keys. A failure is logged and retried on the next start, never a
 * refusal to start; until then those patients are not found by phone.
 */
@Injectable()
export class PhoneKeysUpgrade extends UpgradeAtStartupProvider {
  constructor(private readonly patients: PatientRepository) {
    super();
  }

  protected override upgrade(): MarkedStartupUpgrade {
    return {
      name: 'patient-phone-keys-1',
      run: () => this.patients.addMissingPhoneKeys(),
      changed: (count) => `Gave ${count} patients stored by an earlier version their phone keys.`,
      retried: 'Older patients get their phone keys on the next start',
    };
  }
}
