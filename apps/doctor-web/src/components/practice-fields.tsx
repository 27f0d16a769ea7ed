import {
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
  return (
    <div className="form-grid">
      <FullNameField defaultValue={profile?.fullName} error={errors.fullName} />
      <TextField
        label="Specialization"
        name="specialization"
        required
        placeholder="e.g. General Physician"
        defaultValue={profile?.specialization}
        error={errors.specialization}
      />
      {afterSpecialization}
      <TextField
        label="Years of experience"
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
        label="Consultation fee (₹)"
        name="consultationFee"
        type="number"
        inputMode="decimal"
        min={0}
        step="any"
        required
        hint="In rupees, for one consultation."
        defaultValue={profile ? profile.consultationFee.amount / 100 : undefined}
        error={errors.consultationFee}
      />
      <TextField
        label="City"
        name="city"
        autoComplete="address-level2"
        defaultValue={profile?.city}
        error={errors.city}
      />
      <SelectField
        label="Gender"
        name="gender"
        options={GENDER_CHOICES}
        hint="Optional. Patients who prefer a doctor of a given gender can find you."
        defaultValue={profile?.gender ?? ''}
        error={errors.gender}
      />
      <TextField
        label="Languages"
        name="languages"
        hint="Separate languages with commas, e.g. Hindi, English, Tamil."
        defaultValue={profile?.languages.join(', ')}
        error={errors.languages}
      />
      <div className="field-wide">
        <TextAreaField
          label="Bio"
          name="bio"
          rows={5}
          hint="A few lines patients read before booking: your training, focus and approach."
          defaultValue={profile?.bio}
          error={errors.bio}
        />
      </div>
    </div>
  );
}
