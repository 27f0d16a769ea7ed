import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  SaveClinicalNotesBody,
  type Actor,
  type ClinicalNotesView,
} from '@arogyam/contracts';
import { validateMessagePart } from '@arogyam/messaging';
import { AuditTrail, InjectOutboxRelay, isRefusal, OutboxRelay, toOutboxEntry } from '@arogyam/persistence';
import { AppointmentQueries } from '../appointments/appointment-queries.service';
import type { StoredAppointment } from '../appointments/appointment-views';
import { ClinicalNote } from './clinical-note.schema';
import { ClinicalNoteRepository } from './clinical-note.repository';
import { toClinicalNotesView } from './clinical-notes-view';

/** Concurrent saves each get their own version; this many collisions in a row means something is wrong. */
const MAX_SAVE_ATTEMPTS = 5;
const NO_NOTES = 'There are no notes for this appointment.';

@Injectable()
export class ClinicalNotesService {
  constructor(
    private readonly notes: ClinicalNoteRepository,
    private readonly appointments: AppointmentQueries,
    private readonly audit: AuditTrail,
    @InjectOutboxRelay(ClinicalNote.name) private readonly relay: OutboxRelay<ClinicalNote>,
  ) {}

  /** Only the appointment's own doctor writes its notes; each save is a new version. */
  async save(actor: Actor, body: unknown): Promise<ClinicalNotesView> {
    requireRole(actor, 'doctor');
    const { appointmentId, ...fields } = await validateMessagePart(SaveClinicalNotesBody, body);
    const appointment = await this.visible(actor, appointmentId, 'update');
    if (appointment.status === 'cancelled') {
      throw DomainError.unprocessable('A cancelled appointment has no consultation to write notes for.');
    }
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      const version = ((await this.notes.latestOf(appointmentId))?.version ?? 0) + 1;
      const audited = this.audit.eventsFor({
        actor,
        patientId: appointment.patientId,
        kind: 'clinical_note',
        resourceId: appointmentId,
        action: version === 1 ? 'create' : 'update',
        outcome: 'allowed',
      });
      const note: ClinicalNote = {
        _id: `${appointmentId}#${version}`,
        appointmentId,
        version,
        authorId: actor.userId,
        savedAt: new Date(),
        ...fields,
        outbox: audited.map(toOutboxEntry),
      };
      if (await this.notes.insertVersion(note)) {
        void this.relay.flush(note._id);
        return toClinicalNotesView(note);
      }
    }
    throw DomainError.conflict(
      'The notes are being saved from elsewhere at the same time; please try again.',
    );
  }

  /** The doctor always; the patient only while the latest version is shared (404 otherwise, as if there were none). */
  async get(actor: Actor, appointmentId: string): Promise<ClinicalNotesView> {
    const appointment = await this.visible(actor, appointmentId, 'read');
    const latest = await this.notes.latestOf(appointmentId);
    if (!latest) throw DomainError.notFound(NO_NOTES);
    const access = {
      actor,
      patientId: appointment.patientId,
      kind: 'clinical_note' as const,
      resourceId: appointmentId,
      action: 'read' as const,
    };
    // Unshared notes are refused to the patient as if there were none, and the refusal is traced.
    if (actor.role === 'patient' && !latest.sharedWithPatient)
      return this.audit.deny(access, DomainError.notFound(NO_NOTES));
    await this.audit.record({ ...access, outcome: 'allowed' });
    return toClinicalNotesView(latest);
  }

  /**
   * The appointment, when the caller is its doctor or patient (admins never see notes); a refusal
   * of this appointment is recorded in the audit trail, naming its patient when it exists.
   */
  private async visible(
    actor: Actor,
    appointmentId: string,
    action: 'read' | 'update',
  ): Promise<StoredAppointment> {
    // A role refusal, before any appointment is looked at: not an access (docs/decisions.md).
    if (actor.role === 'admin')
      throw DomainError.forbidden('Clinical notes are for the patient and their doctor only.');
    try {
      return await this.appointments.findVisible(actor, appointmentId);
    } catch (refusal) {
      if (!isRefusal(refusal)) throw refusal;
      const patientId = await this.appointments.patientOf(appointmentId);
      return this.audit.deny(
        { actor, patientId, kind: 'clinical_note', resourceId: appointmentId, action },
        refusal,
      );
    }
  }
}
