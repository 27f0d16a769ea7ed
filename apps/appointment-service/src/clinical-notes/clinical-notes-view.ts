import type { ClinicalNotesView } from '@arogyam/contracts';
import type { ClinicalNote } from './clinical-note.schema';

export const toClinicalNotesView = (note: ClinicalNote): ClinicalNotesView => ({
  appointmentId: note.appointmentId,
  subjective: note.subjective,
  objective: note.objective,
  assessment: note.assessment,
  plan: note.plan,
  sharedWithPatient: note.sharedWithPatient,
  version: note.version,
  updatedAt: new Date(note.savedAt).toISOString(),
});
