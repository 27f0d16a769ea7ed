import { Injectable } from '@nestjs/common';
import { DoctorRepository } from '../profiles/doctor.repository';
import { DoctorListingNotices } from '../search/doctor-listing-notices';

/**
 * doctor-service's copy of each doctor's first free slot (a read model of appointment-service's
 * availability), which search filters ("free today / this week") and sorts ("soonest") by.
 */
@Injectable()
export class NextFreeTimesService {
  constructor(
    private readonly doctors: DoctorRepository,
    private readonly listings: DoctorListingNotices,
  ) {}

  /**
   * Keeps `nextFreeAt` unless a later-computed answer is stored; gateways hear of it when search
   * would now answer differently. Idempotent: a repeat changes nothing.
   */
  async record(doctorId: string, nextFreeAt: Date | null, computedAt: Date): Promise<void> {
    if (await this.doctors.recordNextFree(doctorId, nextFreeAt, computedAt))
      this.listings.freeTimesChanged(doctorId);
  }
}
