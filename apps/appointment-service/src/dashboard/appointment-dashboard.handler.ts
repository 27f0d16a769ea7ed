import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorMessageDto,
  AppointmentSubjects,
  type DoctorAppointmentsDashboardView,
  type PatientAppointmentsDashboardView,
} from '@arogyam/contracts';
import { AppointmentDashboardService } from './appointment-dashboard.service';

/** The appointment part of the dashboards; the gateway merges it with the profile services' part. */
@Controller()
export class AppointmentDashboardHandler {
  constructor(private readonly dashboard: AppointmentDashboardService) {}

  @MessagePattern(AppointmentSubjects.patientDashboard)
  patient(@Payload() message: ActorMessageDto): Promise<PatientAppointmentsDashboardView> {
    return this.dashboard.patient(message.actor);
  }

  @MessagePattern(AppointmentSubjects.doctorDashboard)
  doctor(@Payload() message: ActorMessageDto): Promise<DoctorAppointmentsDashboardView> {
    return this.dashboard.doctor(message.actor);
  }
}
