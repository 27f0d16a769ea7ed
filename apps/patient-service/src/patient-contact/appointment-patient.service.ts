import { Injectable } from '@nestjs/common';
import { DomainError, requireRole, type Actor, type AppointmentPatientView } from '@arogyam/contracts';
import { AuditTrail } from '@arogyam/persistence';
import { AuditedCare } from '../care/audited-care';
import { PatientRepository } from '../profiles/patient.repository';
import { ageOn } from './age';

/**
 * The patient as their appointment's doctor needs them: contact, age and gender. Decided here,
 * where the data is: only that appointment's doctor, while it is not cancelled (CareRelationships);
 * everyone else gets 404. Nothing of it is logged; each answer and refusal is in the audit trail as
 * a read of the medical profile (age and gender are what the doctor reads it for).
 */
@Injectable()
export class AppointmentPatientService {
  constructor(
    private readonly care: AuditedCare,
    private readonly patients: PatientRepository,
    private readonly audit: AuditTrail,
  ) {}

  async get(actor: Actor, appointmentId: string): Promise<AppointmentPatientView> {
    requireRole(actor, 'doctor');
    const appointment = await this.care.of(actor, appointmentId, 'medical_profile');
    const patient = await this.patients.findById(appointment.patientId);
    if (!patient) throw DomainError.notFound('Patient not found.');
    await this.audit.record({
      actor,
      patientId: patient._id,
      kind: 'medical_profile',
      resourceId: patient._id,
      action: 'read',
      outcome: 'allowed',
    });
    return {
      id: patient._id,
      fullName: patient.fullName,
      email: patient.email,
      ...(patient.phone ? { phone: patient.phone } : {}),
      ...(patient.dateOfBirth
        ? { dateOfBirth: patient.dateOfBirth, age: ageOn(patient.dateOfBirth, new Date()) }
        : {}),
      ...(patient.gender ? { gender: patient.gender } : {}),
    };
  }
}
