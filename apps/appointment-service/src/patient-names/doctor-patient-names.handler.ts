import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ActorPart,
  AppointmentSubjects,
  DOCTOR_PATIENT_NAMES_SCAN,
  requireRole,
  type DoctorPatientNames,
} from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';

/**
 * The names of a doctor's patients, for doctor-service's case study check (a case must not name
 * them). Only for the doctor themselves: the actor is the doctor submitting the case, and no
 * patient id or anything else of the appointment goes back.
 */
@Controller()
export class DoctorPatientNamesHandler {
  constructor(private readonly appointments: AppointmentRepository) {}

  @MessagePattern(AppointmentSubjects.patientNamesForDoctor)
  async names(@Payload() message: ActorPart): Promise<DoctorPatientNames> {
    requireRole(message.actor, 'doctor');
    const names = await this.appointments.patientNamesOfDoctor(
      message.actor.userId,
      DOCTOR_PATIENT_NAMES_SCAN,
    );
    return { names: [...new Set(names)] };
  }
}
