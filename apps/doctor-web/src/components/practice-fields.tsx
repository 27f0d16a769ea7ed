import {
  useT,
  FullNameField,
  SelectField,
  TextAreaField,
  TextField,
  type DoctorProfile,
  type FieldErrors,
  type SelectOption,
} from '@arogyam/ui';
import type { ReactNode } from 'react';

interface PracticeFieldsProps {
  errors: FieldErrors;
  /** Current values when editing; empty when registering. */
  profile?: DoctorProfile;
  /** Shown right after the specialization (the registration number, at sign-up). */
  afterSpecialization?: ReactNode;
}

const GENDER_CHOICES: readonly SelectOption[] = [
  { value: '', label: 'Not specified' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
];

/** The practice details a doctor gives at registration and can edit later. */
export function PracticeFields({ errors, profile, afterSpecialization }: PracticeFieldsProps) {
  const t = useT();
  return (
    <div className="form-grid">
      <FullNameField defaultValue={profile?.fullName} error={errors.fullName} />
      <TextField
        label={t('Specialization')}
        name="specialization"
        required
        placeholder={t('e.g. General Physician')}
        defaultValue={profile?.specialization}
        error={errors.specialization}
      />
      {afterSpecialization}
      <TextField
        label={t('Years of experience')}
        name="yearsOfExperience"
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        required
        defaultValue={profile?.yearsOfExperience}
        error={errors.yearsOfExperience}
      />
      <TextField
        label={t('Consultation fee (₹)')}
        name="consultationFee"
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        required
        hint={t('In rupees, for one consultation.')}
        defaultValue={profile ? profile.consultationFee.amount / 100 : undefined}
        error={errors.consultationFee}
      />
      <TextField
        label={t('City')}
        name="city"
        autoComplete="address-level2"
        defaultValue={profile?.city}
        error={errors.city}
      />
      <SelectField
        label={t('Gender')}
        name="gender"
        options={GENDER_CHOICES}
        hint={t('Optional. Patients who prefer a doctor of a given gender can find you.')}
        defaultValue={profile?.gender ?? ''}
        error={errors.gender}
      />
      <TextField
        label={t('Languages')}
        name="languages"
        hint={t('Separate languages with commas, e.g. Hindi, English, Tamil.')}
        defaultValue={profile?.languages.join(', ')}
        error={errors.languages}
      />
      <div className="field-wide">
        <TextAreaField
          label={t('Bio')}
          name="bio"
          rows={5}
          hint={t('A few lines patients read before booking: your training, focus and approach.')}
          defaultValue={profile?.bio}
          error={errors.bio}
        />
      </div>
    </div>
  );
}
