import { Injectable } from '@nestjs/common';
import type { PatientDataPage } from '@arogyam/contracts';
import { AppointmentRepository } from '../appointments/appointment.repository';
import { toAppointmentView } from '../appointments/appointment-views';
import { ClinicalNoteRepository } from '../clinical-notes/clinical-note.repository';
import { toClinicalNotesView } from '../clinical-notes/clinical-notes-view';

/**
 * The patient's appointments as they see them (reasons, cancellations, video calls), each with the
 * doctor's notes when the patient may read them today: the latest version, if it is shared.
 */
@Injectable()
export class PatientDataExportService {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly notes: ClinicalNoteRepository,
  ) {}

  pageFor(patientId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return this.appointments.exportPage(patientId, cursor, async (appointment) => {
      const latest = await this.notes.latestOf(appointment._id);
      return {
        ...toAppointmentView(appointment),
        ...(latest?.sharedWithPatient && { doctorNotes: toClinicalNotesView(latest) }),
      };
    });
  }
}
