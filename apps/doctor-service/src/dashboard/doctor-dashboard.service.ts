import { Injectable } from '@nestjs/common';
import type { Actor, DoctorDashboardView } from '@arogyam/contracts';
import { DoctorProfilesService } from '../profiles/doctor-profiles.service';

@Injectable()
export class DoctorDashboardService {
  constructor(private readonly profiles: DoctorProfilesService) {}

  /** Only a doctor with a profile has a dashboard (403 / 404 as for the profile itself). */
  async get(actor: Actor): Promise<DoctorDashboardView> {
    const doctor = await this.profiles.getOwn(actor);
    return {
      verificationStatus: doctor.verificationStatus,
      rating: doctor.rating,
      reviewCount: doctor.reviewCount,
      // Appointments belong to appointment-service, which does not exist yet; once it does, the
      // upcoming count and today's queue are asked of it. Until then there are none.
      upcomingCount: 0,
      todayQueue: { total: 0, waiting: 0, completed: 0 },
    };
  }
}
