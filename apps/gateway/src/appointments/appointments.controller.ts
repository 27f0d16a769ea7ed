import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AppointmentListQueryDto,
  AppointmentSubjects,
  BookAppointmentDto,
  CancelAppointmentDto,
  RescheduleAppointmentDto,
  SaveClinicalNotesDto,
  SetAppointmentStatusDto,
  type AppointmentView,
  type ClinicalNotesView,
  type Page,
  type PatientHistoryView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { Budget, UserBudgetGuard } from '../http/throttling/user-budget';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { PatientHistory } from './patient-history';

/**
 * Roles are checked here (403); whether the caller is this appointment's patient or doctor is
 * appointment-service's decision (404 for anyone else's).
 */
@ApiTags('appointments')
@ApiBearerAuth()
@Controller('appointments')
@UseGuards(JwtAuthGuard, RolesGuard)
export class AppointmentsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly history: PatientHistory,
  ) {}

  @Post()
  @UseGuards(UserBudgetGuard)
  @Budget('bookings')
  @Roles('patient')
  @ApiOperation({ summary: 'Book a slot (409 taken, 422 not a slot or in the past)' })
  book(@CurrentUser() user: AuthenticatedUser, @Body() body: BookAppointmentDto): Promise<AppointmentView> {
    return this.services.send(AppointmentSubjects.book, { actor: actorOf(user), body });
  }

  @Get()
  @Roles('patient', 'doctor')
  @ApiOperation({ summary: 'Own appointments, newest first' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AppointmentListQueryDto,
  ): Promise<Page<AppointmentView>> {
    return this.services.send(AppointmentSubjects.list, { actor: actorOf(user), query });
  }

  @Get(':id')
  @Roles('patient', 'doctor', 'admin')
  get(@CurrentUser() user: AuthenticatedUser, @Param('id') appointmentId: string): Promise<AppointmentView> {
    return this.services.send(AppointmentSubjects.getForActor, { actor: actorOf(user), appointmentId });
  }

  @Patch(':id')
  @Roles('patient', 'doctor')
  @ApiOperation({ summary: 'Reschedule to another slot of the same doctor (409 taken)' })
  reschedule(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
    @Body() body: RescheduleAppointmentDto,
  ): Promise<AppointmentView> {
    return this.services.send(AppointmentSubjects.reschedule, {
      actor: actorOf(user),
      body: { ...body, appointmentId },
    });
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('patient', 'doctor')
  cancel(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
    @Body() body: CancelAppointmentDto,
  ): Promise<AppointmentView> {
    return this.services.send(AppointmentSubjects.cancel, {
      actor: actorOf(user),
      body: { ...body, appointmentId },
    });
  }

  @Post(':id/status')
  @HttpCode(200)
  @Roles('patient', 'doctor')
  @ApiOperation({ summary: 'Move the status on (a patient may only check in; 409 illegal transition)' })
  setStatus(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
    @Body() body: SetAppointmentStatusDto,
  ): Promise<AppointmentView> {
    return this.services.send(AppointmentSubjects.setStatus, {
      actor: actorOf(user),
      body: { ...body, appointmentId },
    });
  }

  @Put(':id/notes')
  @Roles('doctor')
  @ApiOperation({ summary: "Save the consultation's SOAP notes (each save is a new version)" })
  saveNotes(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
    @Body() body: SaveClinicalNotesDto,
  ): Promise<ClinicalNotesView> {
    return this.services.send(AppointmentSubjects.saveNotes, {
      actor: actorOf(user),
      body: { ...body, appointmentId },
    });
  }

  @Get(':id/notes')
  @Roles('doctor', 'patient')
  @ApiOperation({ summary: 'The latest notes (a patient only once shared)' })
  notes(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
  ): Promise<ClinicalNotesView> {
    return this.services.send(AppointmentSubjects.getNotes, { actor: actorOf(user), appointmentId });
  }

  @Get(':id/patient-history')
  @Roles('doctor')
  @ApiOperation({
    summary:
      "The doctor: the patient's earlier consultations with them (notes, prescriptions), inside the care relationship only (404 otherwise)",
  })
  patientHistory(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') appointmentId: string,
  ): Promise<PatientHistoryView> {
    return this.history.of(actorOf(user), appointmentId);
  }
}
