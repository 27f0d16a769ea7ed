import { Injectable } from '@nestjs/common';
import type { Actor, PatientDashboardView } from '@arogyam/contracts';
import { PatientProfilesService } from '../profiles/patient-profiles.service';

@Injectable()
export class PatientDashboardService {
  constructor(private readonly profiles: PatientProfilesService) {}

  /** Only a patient with a profile has a dashboard (403 / 404 as for the profile itself). */
  async get(actor: Actor): Promise<PatientDashboardView> {
    await this.profiles.getOwn(actor);
    // Appointments, prescriptions and chat belong to services that do not exist yet; once they
    // do, the dashboard asks each of them. Until then the patient has none of them.
    return { upcomingAppointments: [], recentPrescriptions: [], unreadMessages: 0 };
  }
}
