import { Injectable } from '@nestjs/common';
import { DoctorSubjects, type DoctorPublicProfileView } from '@arogyam/contracts';
import { ServiceClient } from '../http/service-client';

/**
 * Doctors' names asked of doctor-service (which owns them), once per doctor: analytics and the
 * audit trail keep ids only, so a renamed doctor shows by today's name. A doctor it cannot name
 * (an unknown or unlisted id, doctor-service down) is left out of the answer.
 */
@Injectable()
export class DoctorNames {
  constructor(private readonly services: ServiceClient) {}

  async of(doctorIds: string[]): Promise<Map<string, string>> {
    const named = await Promise.all(
      [...new Set(doctorIds)].map((doctorId) =>
        this.services
          .send<DoctorPublicProfileView>(DoctorSubjects.getPublicProfile, { doctorId })
          .then((doctor): [string, string] => [doctorId, doctor.fullName])
          .catch(() => undefined),
      ),
    );
    return new Map(named.filter((pair): pair is [string, string] => pair !== undefined));
  }
}
