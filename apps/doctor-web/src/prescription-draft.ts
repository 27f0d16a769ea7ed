import type { NewPrescription } from '@arogyam/ui';

/** One medicine row as typed; `key` only tells rows apart. */
export interface MedicineDraft {
  key: number;
  drug: string;
  dose: string;
  frequency: string;
  durationDays: string;
  instructions: string;
}

let lastKey = 0;

export function newMedicine(): MedicineDraft {
  lastKey += 1;
  return { key: lastKey, drug: '', dose: '', frequency: '', durationDays: '', instructions: '' };
}

/** The POST body; blank days are left out (the server says they are required), blank text is sent empty. */
export function prescriptionFrom(
  appointmentId: string,
  rows: MedicineDraft[],
  advice: string,
): NewPrescription {
  return {
    appointmentId,
    items: rows.map((row) => ({
      drug: row.drug.trim(),
      dose: row.dose.trim(),
      frequency: row.frequency.trim(),
      durationDays: (row.durationDays.trim() === '' ? undefined : Number(row.durationDays)) as number,
      instructions: row.instructions.trim() || undefined,
    })),
    advice: advice.trim() || undefined,
  };
}
