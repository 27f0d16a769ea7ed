import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  type Actor,
  type AppointmentStatus,
  type EarlierConsultationView,
  type PatientHistoryView,
} from '@arogyam/contracts';
import { AuditTrail, isRefusal } from '@arogyam/persistence';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { NOT_FOUND } from '../appointments/appointment-access';
import { AppointmentQueries } from '../appointments/appointment-queries.service';
import { CareRelationships, type CareThroughAppointment } from '../care/care-relationships.service';
import { ClinicalNoteRepository } from './clinical-note.repository';
import { toClinicalNotesView } from './clinical-notes-view';

/** A history is for the consultation at hand: the latest of them, not a whole career's. */
export const MAX_EARLIER_CONSULTATIONS = 20;
/** The visits that took place, or were due to; cancelled ones were never consultations. */
const HELD: readonly AppointmentStatus[] = [
  'completed',
  'no_show',
  'in_consultation',
  'checked_in',
  'booked',
];

/**
 * The doctor of an appointment sees its patient's earlier consultations with them and their
 * notes, inside the care relationship only (a booking still to come is not enough); each note
 * read is in the audit trail, and so is a refusal.
 */
@Injectable()
export class PatientHistoryService {
  constructor(
    private readonly care: CareRelationships,
    private readonly appointments: AppointmentRepository,
    private readonly queries: AppointmentQueries,
    private readonly notes: ClinicalNoteRepository,
    private readonly audit: AuditTrail,
  ) {}

  async earlier(
    actor: Actor,
    appointmentId: string,
  ): Promise<Omit<PatientHistoryView, 'prescriptionsIncluded'>> {
    requireRole(actor, 'doctor');
    const { appointment, relationship } = await this.inCare(actor, appointmentId);
    const earlier = await this.appointments.earlierOfPair(
      appointment.doctorId,
      appointment.patientId,
      HELD,
      appointment.startAt,
      MAX_EARLIER_CONSULTATIONS,
    );
    const notes = await Promise.all(earlier.map((visit) => this.notes.latestOf(visit._id)));
    await this.audit.record(
      ...notes.flatMap((note) =>
        note
          ? [
              {
                actor,
                patientId: appointment.patientId,
                kind: 'clinical_note' as const,
                resourceId: note.appointmentId,
                action: 'read' as const,
                outcome: 'allowed' as const,
              },
            ]
          : [],
      ),
    );
    const consultations: EarlierConsultationView[] = earlier.map((visit, index) => {
      const note = notes[index];
      return {
        appointmentId: visit._id,
        startAt: new Date(visit.startAt).toISOString(),
        endAt: new Date(visit.endAt).toISOString(),
        mode: visit.mode,
        status: visit.status,
        ...(note ? { notes: toClinicalNotesView(note) } : {}),
      };
    });
    return { patientId: appointment.patientId, relationship, consultations };
  }

  /** The appointment inside the care relationship, or a recorded refusal (404 as if absent). */
  private async inCare(actor: Actor, appointmentId: string): Promise<CareThroughAppointment> {
    try {
      const through = await this.care.through(actor, appointmentId);
      if (through.relationship.access !== 'care') throw DomainError.notFound(NOT_FOUND);
      return through;
    } catch (refusal) {
      if (!isRefusal(refusal)) throw refusal;
      const patientId = await this.queries.patientOf(appointmentId);
      return this.audit.deny(
        { actor, patientId, kind: 'clinical_note', resourceId: appointmentId, action: 'read' },
        refusal,
      );
    }
  }
}
