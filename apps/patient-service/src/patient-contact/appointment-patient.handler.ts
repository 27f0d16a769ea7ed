import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppointmentForActorMessage, PatientSubjects, type AppointmentPatientView } from '@arogyam/contracts';
import { AppointmentPatientService } from './appointment-patient.service';

@Controller()
export class AppointmentPatientHandler {
  constructor(private readonly patients: AppointmentPatientService) {}

  @MessagePattern(PatientSubjects.forAppointment)
  get(@Payload() message: AppointmentForActorMessage): Promise<AppointmentPatientView> {
    return this.patients.get(message.actor, message.appointmentId);
  }
}
