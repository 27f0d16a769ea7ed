import { Injectable } from '@nestjs/common';
import {
  DomainError,
  requireRole,
  SaveClinicalNotesBody,
  type Actor,
  type ClinicalNotesView,
} from '@arogyam/contracts';
import { validateMessagePart } from '@arogyam/messaging';
import { AppointmentQueries } from '../appointments/appointment-queries.service';
import type { ClinicalNote } from './clinical-note.schema';
import { ClinicalNoteRepository } from './clinical-note.repository';

/** Concurrent saves each get their own version; this many collisions in a row means something is wrong. */
const MAX_SAVE_ATTEMPTS = 5;
const NO_NOTES = 'There are no notes for this appointment.';

const toClinicalNotesView = (note: ClinicalNote): ClinicalNotesView => ({
  appointmentId: note.appointmentId,
  subjective: note.subjective,
  objective: note.objective,
  assessment: note.assessment,
  plan: note.plan,
  sharedWithPatient: note.sharedWithPatient,
  version: note.version,
  updatedAt: new Date(note.savedAt).toISOString(),
});

@Injectable()
export class ClinicalNotesService {
  constructor(
    private readonly notes: ClinicalNoteRepository,
    private readonly appointments: AppointmentQueries,
  ) {}

  /** Only the appointment's own doctor writes its notes; each save is a new version. */
  async save(actor: Actor, body: unknown): Promise<ClinicalNotesView> {
    requireRole(actor, 'doctor');
    const { appointmentId, ...fields } = await validateMessagePart(SaveClinicalNotesBody, body);
    const appointment = await this.appointments.findVisible(actor, appointmentId);
    if (appointment.status === 'cancelled') {
      throw DomainError.unprocessable('A cancelled appointment has no consultation to write notes for.');
    }
    for (let attempt = 0; attempt < MAX_SAVE_ATTEMPTS; attempt++) {
      const version = ((await this.notes.latestOf(appointmentId))?.version ?? 0) + 1;
      const note: ClinicalNote = {
        _id: `${appointmentId}#${version}`,
        appointmentId,
        version,
        authorId: actor.userId,
        savedAt: new Date(),
        ...fields,
      };
      if (await this.notes.insertVersion(note)) return toClinicalNotesView(note);
    }
    throw DomainError.conflict(
      'The notes are being saved from elsewhere at the same time; please try again.',
    );
  }

  /** The doctor always; the patient only while the latest version is shared (404 otherwise, as if there were none). */
  async get(actor: Actor, appointmentId: string): Promise<ClinicalNotesView> {
    if (actor.role === 'admin')
      throw DomainError.forbidden('Clinical notes are for the patient and their doctor only.');
    await this.appointments.findVisible(actor, appointmentId);
    const latest = await this.notes.latestOf(appointmentId);
    if (!latest || (actor.role === 'patient' && !latest.sharedWithPatient))
      throw DomainError.notFound(NO_NOTES);
    return toClinicalNotesView(latest);
  }
}
