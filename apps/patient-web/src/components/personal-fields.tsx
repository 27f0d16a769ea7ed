import {
  useT,
  FullNameField,
  SelectField,
  TextField,
  type FieldErrors,
  type PatientProfile,
} from '@arogyam/ui';
import { GENDER_OPTIONS } from '../gender-options';

interface PersonalFieldsProps {
  errors: FieldErrors;
  /** Current values when editing; empty when registering, where the optional fields say so. */
  profile?: PatientProfile;
}

/** The personal details a patient gives at registration and can edit later. */
export function PersonalFields({ errors, profile }: PersonalFieldsProps) {
  const t = useT();
  const registering = profile === undefined;
  return (
    <>
      <FullNameField defaultValue={profile?.fullName} error={errors.fullName} />
      <TextField
        label={t('Phone')}
        name="phone"
        type="tel"
        autoComplete="tel"
        hint={registering ? 'Optional. Doctors may call this number about your consultation.' : undefined}
        defaultValue={profile && (profile.phone ?? '')}
        error={errors.phone}
      />
      <TextField
        label={t('Date of birth')}
        name="dateOfBirth"
        type="date"
        autoComplete="bday"
        hint={registering ? 'Optional.' : undefined}
        defaultValue={profile && (profile.dateOfBirth ?? '')}
        error={errors.dateOfBirth}
      />
      <SelectField
        label={t('Gender')}
        name="gender"
        options={GENDER_OPTIONS}
        hint={registering ? 'Optional.' : undefined}
        defaultValue={profile && (profile.gender ?? '')}
        error={errors.gender}
      />
    </>
  );
}
