import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PatientSubjects, type AppointmentPatientView } from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/** The appointment's patient for its doctor; patient-service decides who may see it. */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('appointments/:id/patient')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('doctor')
export class AppointmentPatientController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: "The appointment's doctor: its patient's contact, age and gender" })
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
  ): Promise<AppointmentPatientView> {
    return this.services.send(PatientSubjects.forAppointment, { actor: actorOf(user), appointmentId });
  }
}
