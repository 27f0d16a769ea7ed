import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { Appointment } from './appointments/appointment.schema';
import { appointmentModel, AppointmentRepository } from './appointments/appointment.repository';
import { AppointmentChangesService } from './appointments/appointment-changes.service';
import { AppointmentQueries } from './appointments/appointment-queries.service';
import { AppointmentsHandler } from './appointments/appointments.handler';
import { DoctorPatientNamesHandler } from './patient-names/doctor-patient-names.handler';
import { DoctorConsultationsHandler } from './doctor-consultations/doctor-consultations.handler';
import { BookingService } from './appointments/booking.service';
import { ProfileDirectory } from './appointments/profile-directory';
import { ReasonReads } from './appointments/reason-reads';
import { ClinicalNote } from './clinical-notes/clinical-note.schema';
import { AvailabilityHandler } from './availability/availability.handler';
import { availabilityModel, AvailabilityRepository } from './availability/availability.repository';
import { Availability } from './availability/availability.schema';
import { AvailabilityService } from './availability/availability.service';
import { ScheduleCache } from './availability/schedule-cache';
import { ScheduleAnnouncementUpgrade } from './maintenance/schedule-announcement-upgrade';
import { clinicalNoteModel, ClinicalNoteRepository } from './clinical-notes/clinical-note.repository';
import { ClinicalNotesHandler } from './clinical-notes/clinical-notes.handler';
import { ClinicalNotesService } from './clinical-notes/clinical-notes.service';
import { PatientHistoryService } from './clinical-notes/patient-history.service';
import { CareRelationships } from './care/care-relationships.service';
import { CareRelationshipsHandler } from './care/care-relationships.handler';
import { AppointmentServiceConfig } from './config/appointment-service.config';
import { AppointmentDashboardHandler } from './dashboard/appointment-dashboard.handler';
import { AppointmentDashboardService } from './dashboard/appointment-dashboard.service';
import { PatientCalendar } from './patient-days/patient-calendar';
import { patientDayModel, PatientDayRepository } from './patient-days/patient-day.repository';
import { DoctorQueueHandler } from './queue/doctor-queue.handler';
import { DoctorQueueService } from './queue/doctor-queue.service';
import { DoctorSlotsNotice } from './slots/doctor-slots-notice';
import { AppointmentLiveNotice } from './appointments/appointment-live-notice';
import { SlotsHandler } from './slots/slots.handler';
import { SlotsService } from './slots/slots.service';
import { NextFreeAnnouncer } from './slots/next-free-announcer';
import { NextFreeSlotsService } from './slots/next-free-slots.service';
import { BookingPolicyHandler } from './policy/booking-policy.handler';
import { CallRecordsService } from './video-calls/call-records.service';
import { VideoEventsConsumer } from './video-calls/video-events.consumer';
import { PatientErasure } from './data-rights/patient-erasure';
import { PatientErasureBookings } from './data-rights/patient-erasure-bookings';
import { PatientErasureHandler } from './data-rights/patient-erasure.handler';
import { WaitingRoomService } from './video-calls/waiting-room.service';
import { PatientDataExportHandler } from './data-rights/patient-data-export.handler';
import { PatientDataExportService } from './data-rights/patient-data-export.service';

@Module({})
export class AppModule {
  static register(config: AppointmentServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'appointment',
          config,
          audited: 'appointment',
          outboxes: [Appointment.name, ClinicalNote.name, Availability.name],
          models: [availabilityModel, appointmentModel, patientDayModel, clinicalNoteModel],
        }),
      ],
      controllers: [
        AvailabilityHandler,
        PatientDataExportHandler,
        SlotsHandler,
        BookingPolicyHandler,
        AppointmentsHandler,
        DoctorQueueHandler,
        AppointmentDashboardHandler,
        ClinicalNotesHandler,
        DoctorPatientNamesHandler,
        DoctorConsultationsHandler,
        CareRelationshipsHandler,
        PatientErasureHandler,
      ],
      providers: [
        ReasonReads,
        PatientDataExportService,
        AvailabilityRepository,
        AppointmentRepository,
        PatientDayRepository,
        ClinicalNoteRepository,
        AvailabilityService,
        ScheduleCache,
        ScheduleAnnouncementUpgrade,
        SlotsService,
        NextFreeSlotsService,
        NextFreeAnnouncer,
        DoctorSlotsNotice,
        AppointmentLiveNotice,
        ProfileDirectory,
        PatientCalendar,
        AppointmentQueries,
        BookingService,
        AppointmentChangesService,
        DoctorQueueService,
        AppointmentDashboardService,
        ClinicalNotesService,
        CareRelationships,
        PatientHistoryService,
        CallRecordsService,
        WaitingRoomService,
        VideoEventsConsumer,
        PatientErasure,
        PatientErasureBookings,
      ],
    };
  }
}
