import { Module, type DynamicModule } from '@nestjs/common';
import { DataServiceModule } from '@arogyam/persistence';
import { Appointment, AppointmentSchema } from './appointments/appointment.schema';
import { AppointmentChangesService } from './appointments/appointment-changes.service';
import { AppointmentOutbox } from './appointments/appointment-outbox';
import { AppointmentQueries } from './appointments/appointment-queries.service';
import { AppointmentsHandler } from './appointments/appointments.handler';
import { BookingService } from './appointments/booking.service';
import { AppointmentChange, AppointmentChangeSchema } from './appointments/change-claim.schema';
import { ChangeClaims } from './appointments/change-claims';
import { ProfileDirectory } from './appointments/profile-directory';
import { Availability, AvailabilitySchema } from './availability/availability.schema';
import { AvailabilityHandler } from './availability/availability.handler';
import { AvailabilityService } from './availability/availability.service';
import { DoctorSchedules } from './availability/doctor-schedules';
import { ClinicalNote, ClinicalNoteSchema } from './clinical-notes/clinical-note.schema';
import { ClinicalNotesHandler } from './clinical-notes/clinical-notes.handler';
import { ClinicalNotesService } from './clinical-notes/clinical-notes.service';
import { AppointmentServiceConfig } from './config/appointment-service.config';
import { AppointmentDashboardHandler } from './dashboard/appointment-dashboard.handler';
import { AppointmentDashboardService } from './dashboard/appointment-dashboard.service';
import { DoctorQueueHandler } from './queue/doctor-queue.handler';
import { DoctorQueueService } from './queue/doctor-queue.service';
import { SlotsHandler } from './slots/slots.handler';
import { DoctorHeldTimes } from './slots/doctor-held-times';
import { DoctorSlotsNotice } from './slots/doctor-slots-notice';
import { SlotsService } from './slots/slots.service';

@Module({})
export class AppModule {
  static register(config: AppointmentServiceConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        DataServiceModule.forService({
          service: 'appointment',
          config,
          models: [
            { name: Availability.name, schema: AvailabilitySchema },
            { name: Appointment.name, schema: AppointmentSchema },
            { name: AppointmentChange.name, schema: AppointmentChangeSchema },
            { name: ClinicalNote.name, schema: ClinicalNoteSchema },
          ],
        }),
      ],
      controllers: [
        AvailabilityHandler,
        SlotsHandler,
        AppointmentsHandler,
        DoctorQueueHandler,
        AppointmentDashboardHandler,
        ClinicalNotesHandler,
      ],
      providers: [
        DoctorSchedules,
        AvailabilityService,
        SlotsService,
        DoctorHeldTimes,
        DoctorSlotsNotice,
        ProfileDirectory,
        AppointmentOutbox,
        ChangeClaims,
        AppointmentQueries,
        BookingService,
        AppointmentChangesService,
        DoctorQueueService,
        AppointmentDashboardService,
        ClinicalNotesService,
      ],
    };
  }
}
