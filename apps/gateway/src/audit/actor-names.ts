import { Injectable } from '@nestjs/common';
import { DoctorSubjects, type AuditEntryView, type DoctorPublicProfileView } from '@arogyam/contracts';
import { ServiceClient } from '../http/service-client';

/**
 * The names of the doctors in a page of the audit trail, asked of doctor-service (which owns them)
 * once per doctor per page: the trail keeps ids only, so a renamed doctor shows by today's name.
 * A doctor it cannot name (an unknown id, doctor-service down) is shown by role only.
 */
@Injectable()
export class ActorNames {
  constructor(private readonly services: ServiceClient) {}

  async of(entries: AuditEntryView[]): Promise<Map<string, string>> {
    const doctorIds = [
      ...new Set(entries.filter((entry) => entry.actorRole === 'doctor').map((entry) => entry.actorId)),
    ];
    const named = await Promise.all(
      doctorIds.map((doctorId) =>
        this.services
          .send<DoctorPublicProfileView>(DoctorSubjects.getPublicProfile, { doctorId })
          .then((doctor): [string, string] => [doctorId, doctor.fullName])
          .catch(() => undefined),
      ),
    );
    return new Map(named.filter((pair): pair is [string, string] => pair !== undefined));
  }
}
