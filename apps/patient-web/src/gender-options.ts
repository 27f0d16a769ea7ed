import type { SelectOption } from '@arogyam/ui';

export const GENDER_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Not specified' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'undisclosed', label: 'Prefer not to say' },
];
