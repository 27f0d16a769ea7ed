import { SOAP_FIELDS, type ClinicalNotes, type ClinicalNotesChanges } from '@arogyam/ui';

// Unsaved SOAP notes survive a refresh or a closed tab: they are kept in this browser per appointment
// until the server has accepted them.

const keyFor = (appointmentId: string) => `arogyam.doctor.notesDraft.${appointmentId}`;

export const EMPTY_NOTES: ClinicalNotesChanges = {
  subjective: '',
  objective: '',
  assessment: '',
  plan: '',
  sharedWithPatient: false,
};

/** The part of saved notes the editor edits (and PUT takes). */
export function editableNotes(notes: ClinicalNotes | null): ClinicalNotesChanges {
  if (!notes) return EMPTY_NOTES;
  const { subjective, objective, assessment, plan, sharedWithPatient } = notes;
  return { subjective, objective, assessment, plan, sharedWithPatient };
}

export function sameNotes(a: ClinicalNotesChanges, b: ClinicalNotesChanges): boolean {
  return a.sharedWithPatient === b.sharedWithPatient && SOAP_FIELDS.every(({ name }) => a[name] === b[name]);
}

export function readDraft(appointmentId: string): ClinicalNotesChanges | null {
  try {
    const json = window.localStorage.getItem(keyFor(appointmentId));
    const value: unknown = json ? JSON.parse(json) : null;
    return isNotes(value) ? value : null;
  } catch {
    return null; // storage disabled or a damaged entry: no draft
  }
}

export function writeDraft(appointmentId: string, notes: ClinicalNotesChanges): void {
  try {
    window.localStorage.setItem(keyFor(appointmentId), JSON.stringify(notes));
  } catch {
    // Storage full or disabled: the editor still works, only without the safety net.
  }
}

export function clearDraft(appointmentId: string): void {
  try {
    window.localStorage.removeItem(keyFor(appointmentId));
  } catch {
    // nothing to clear
  }
}

function isNotes(value: unknown): value is ClinicalNotesChanges {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.sharedWithPatient === 'boolean' &&
    SOAP_FIELDS.every(({ name }) => typeof candidate[name] === 'string')
  );
}
