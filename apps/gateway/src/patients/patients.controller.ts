import { Body, Controller, Get, Patch, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AppointmentSubjects,
  PatientSubjects,
  UpdatePatientProfileDto,
  type PatientDashboardView,
  type PatientProfileView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { withAppointmentPart } from '../appointments/appointment-dashboards';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

@ApiTags('patients')
@ApiBearerAuth()
@Controller('patients/me')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('patient')
export class PatientsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  profile(@CurrentUser() user: AuthenticatedUser): Promise<PatientProfileView> {
    return this.services.send(PatientSubjects.getOwnProfile, { actor: actorOf(user) });
  }

  @Patch()
  update(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdatePatientProfileDto,
  ): Promise<PatientProfileView> {
    return this.services.send(PatientSubjects.updateOwnProfile, { actor: actorOf(user), body });
  }

  @Get('dashboard')
  dashboard(@CurrentUser() user: AuthenticatedUser): Promise<PatientDashboardView> {
    const actor = actorOf(user);
    return withAppointmentPart(
      this.services.send<PatientDashboardView>(PatientSubjects.dashboard, { actor }),
      this.services.send(AppointmentSubjects.patientDashboard, { actor }),
    );
  }
}
