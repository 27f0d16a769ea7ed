import type { SelectOption } from '../components/select-field';
import type { AllergySeverity, BloodGroup } from '../api/types';

export const BLOOD_GROUP_LABELS: Record<BloodGroup, string> = {
  'A+': 'A+',
  'A-': 'A−',
  'B+': 'B+',
  'B-': 'B−',
  'AB+': 'AB+',
  'AB-': 'AB−',
  'O+': 'O+',
  'O-': 'O−',
  unknown: "Don't know",
};

export const ALLERGY_SEVERITY_LABELS: Record<AllergySeverity, string> = {
  mild: 'Mild',
  moderate: 'Moderate',
  severe: 'Severe',
};

const optionsOf = <K extends string>(labels: Record<K, string>): SelectOption[] =>
  (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));

/** The select's options; '' is "not given" (left out of the request). */
export const BLOOD_GROUP_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Not given' },
  ...optionsOf(BLOOD_GROUP_LABELS),
];

export const ALLERGY_SEVERITY_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Not given' },
  ...optionsOf(ALLERGY_SEVERITY_LABELS),
];
