import { Injectable } from '@nestjs/common';
import type { AuditEntryView } from '@arogyam/contracts';
import { DoctorNames } from '../doctors/doctor-names';

/**
 * The names of the doctors in a page of the audit trail (DoctorNames). Anyone else, and a doctor
 * it cannot name, is shown by role only.
 */
@Injectable()
export class ActorNames {
  constructor(private readonly doctors: DoctorNames) {}

  of(entries: AuditEntryView[]): Promise<Map<string, string>> {
    return this.doctors.of(
      entries.filter((entry) => entry.actorRole === 'doctor').map((entry) => entry.actorId),
    );
  }
}
