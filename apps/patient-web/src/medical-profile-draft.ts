import type { AllergySeverity, BloodGroup, MedicalProfile, MedicalProfileChanges } from '@arogyam/ui';

/** One row of a list as typed; `key` only tells rows apart. */
export type RowDraft<F extends string> = { key: number } & Record<F, string>;

export type AllergyField = 'substance' | 'reaction' | 'severity';
export type MedicineField = 'name' | 'dose';
export type AllergyDraft = RowDraft<AllergyField>;
export type ConditionDraft = RowDraft<'name'>;
export type MedicineDraft = RowDraft<MedicineField>;

export interface MedicalProfileDraft {
  allergies: AllergyDraft[];
  conditions: ConditionDraft[];
  medicines: MedicineDraft[];
  /** '' when not given. */
  bloodGroup: string;
}

let lastKey = 0;

export function newRow<F extends string>(fields: Record<F, string>): RowDraft<F> {
  lastKey += 1;
  return { key: lastKey, ...fields };
}

export const newAllergy = (): AllergyDraft => newRow({ substance: '', reaction: '', severity: '' });
export const newCondition = (): ConditionDraft => newRow({ name: '' });
export const newMedicine = (): MedicineDraft => newRow({ name: '', dose: '' });

export function draftOf(profile: MedicalProfile): MedicalProfileDraft {
  return {
    allergies: profile.allergies.map((allergy) =>
      newRow({
        substance: allergy.substance,
        reaction: allergy.reaction ?? '',
        severity: allergy.severity ?? '',
      }),
    ),
    conditions: profile.chronicConditions.map((name) => newRow({ name })),
    medicines: profile.currentMedicines.map((medicine) =>
      newRow({ name: medicine.name, dose: medicine.dose ?? '' }),
    ),
    bloodGroup: profile.bloodGroup ?? '',
  };
}

const isFilled = (row: { key: number }): boolean =>
  Object.entries(row).some(([field, value]) => field !== 'key' && String(value).trim() !== '');

const optional = (value: string): string | undefined => value.trim() || undefined;

/** The rows of each list the last request sent, by key, in the order the server numbers them. */
export type SentRows = Record<'allergies' | 'conditions' | 'medicines', number[]>;

/**
 * The PUT body: rows left wholly blank are left out (an added row not filled in), anything else is
 * sent as typed for the server to judge. `sent` says which row the server's `allergies.2` is.
 */
export function changesOf(draft: MedicalProfileDraft): { changes: MedicalProfileChanges; sent: SentRows } {
  const allergies = draft.allergies.filter(isFilled);
  const conditions = draft.conditions.filter(isFilled);
  const medicines = draft.medicines.filter(isFilled);
  return {
    changes: {
      allergies: allergies.map((row) => ({
        substance: row.substance.trim(),
        reaction: optional(row.reaction),
        severity: optional(row.severity) as AllergySeverity | undefined,
      })),
      chronicConditions: conditions.map((row) => row.name.trim()),
      currentMedicines: medicines.map((row) => ({ name: row.name.trim(), dose: optional(row.dose) })),
      bloodGroup: optional(draft.bloodGroup) as BloodGroup | undefined,
    },
    sent: {
      allergies: allergies.map((row) => row.key),
      conditions: conditions.map((row) => row.key),
      medicines: medicines.map((row) => row.key),
    },
  };
}
