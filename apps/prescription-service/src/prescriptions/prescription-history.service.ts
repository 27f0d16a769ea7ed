import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  type Actor,
  type CareRelationshipAnswer,
  type PatientHistoryPrescriptionsView,
} from '@arogyam/contracts';
import { AuditTrail, isRefusal, pageWindow } from '@arogyam/persistence';
import { AppointmentLookup } from '@arogyam/service-kit';
import { PrescriptionRepository } from './prescription.repository';
import { prescriptionRead } from './prescription-read';

/** A history is for the consultation at hand: this many of the latest prescriptions. */
const MAX_HISTORY_PRESCRIPTIONS = 100;

/**
 * The doctor of an appointment: what they prescribed its patient before, for the patient history,
 * inside the care relationship only (asked of appointment-service every time; a booking still to
 * come is not enough). Each prescription read, and a refusal, is in the audit trail.
 */
@Injectable()
export class PrescriptionHistoryService {
  constructor(
    private readonly prescriptions: PrescriptionRepository,
    private readonly appointments: AppointmentLookup,
    private readonly audit: AuditTrail,
  ) {}

  async list(actor: Actor, appointmentId: string): Promise<PatientHistoryPrescriptionsView> {
    requireRole(actor, 'doctor');
    const { appointment } = await this.inCare(actor, appointmentId);
    const { documents } = await this.prescriptions.pageIssuedBy(
      actor.userId,
      { patientId: appointment.patientId },
      pageWindow({ limit: MAX_HISTORY_PRESCRIPTIONS }),
    );
    // A corrected version is replaced by its correction, which is in the same list; this
    // appointment's own are not history (and not read here, so not in the audit trail).
    const corrected = new Set(documents.flatMap((prescription) => prescription.supersedesId ?? []));
    const latest = documents.filter(
      (prescription) => !corrected.has(prescription._id) && prescription.appointmentId !== appointmentId,
    );
    await this.audit.record(...latest.map((prescription) => prescriptionRead(actor, prescription)));
    return {
      prescriptions: latest.map((prescription) => ({
        id: prescription._id,
        appointmentId: prescription.appointmentId,
        version: prescription.version,
        issuedAt: new Date(prescription.issuedAt).toISOString(),
        items: prescription.items.map((item) => ({ ...item })),
        ...(prescription.advice ? { advice: prescription.advice } : {}),
      })),
    };
  }

  private async inCare(actor: Actor, appointmentId: string): Promise<CareRelationshipAnswer> {
    try {
      const answer = await this.appointments.careRelationship(actor, appointmentId);
      if (answer.relationship.access !== 'care' || answer.appointment.doctorId !== actor.userId)
        throw DomainError.notFound('Appointment not found.');
      return answer;
    } catch (refusal) {
      if (!isRefusal(refusal)) throw refusal;
      // No patient to name: the refusal names the appointment it was asked through.
      return this.audit.deny(
        { actor, kind: 'prescription', resourceId: `appointment:${appointmentId}`, action: 'read' },
        refusal,
      );
    }
  }
}
