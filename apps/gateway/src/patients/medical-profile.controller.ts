import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MedicalProfileDto, MedicalProfileSubjects, type MedicalProfileView } from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/**
 * The medical profile (allergies, chronic conditions, current medicines, blood group): the patient
 * keeps their own; the doctor of an appointment reads its patient's. patient-service decides who
 * may see it and records every read and change in the audit trail.
 */
@ApiTags('medical profile')
@ApiBearerAuth()
@Controller()
@UseGuards(JwtAuthGuard, RolesGuard)
export class MedicalProfileController {
  constructor(private readonly services: ServiceClient) {}

  @Get('patients/me/medical-profile')
  @Roles('patient')
  @ApiOperation({ summary: "The patient's own medical profile (empty lists if never saved)" })
  own(@CurrentUser() user: AuthenticatedUser): Promise<MedicalProfileView> {
    return this.services.send(MedicalProfileSubjects.getOwn, { actor: actorOf(user) });
  }

  @Put('patients/me/medical-profile')
  @Roles('patient')
  @ApiOperation({ summary: "Replaces the patient's medical profile with the one sent" })
  replace(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: MedicalProfileDto,
  ): Promise<MedicalProfileView> {
    return this.services.send(MedicalProfileSubjects.replaceOwn, { actor: actorOf(user), body });
  }

  @Get('appointments/:id/medical-profile')
  @Roles('doctor')
  @ApiOperation({ summary: "The appointment's doctor: its patient's medical profile" })
  forAppointment(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
  ): Promise<MedicalProfileView> {
    return this.services.send(MedicalProfileSubjects.forAppointment, { actor: actorOf(user), appointmentId });
  }
}
