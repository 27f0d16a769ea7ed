import type { ClinicalNotes } from '../api/types';

export type SoapField = keyof Pick<ClinicalNotes, 'subjective' | 'objective' | 'assessment' | 'plan'>;

/** The four parts of SOAP notes, in order, with their labels. */
export const SOAP_FIELDS: readonly { name: SoapField; label: string }[] = [
  { name: 'subjective', label: 'Subjective' },
  { name: 'objective', label: 'Objective' },
  { name: 'assessment', label: 'Assessment' },
  { name: 'plan', label: 'Plan' },
];
