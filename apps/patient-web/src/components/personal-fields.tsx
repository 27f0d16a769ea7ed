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
  // An optional detail: its current value when editing; when registering, a hint that it may be left out.
  const optional = (name: 'phone' | 'dateOfBirth' | 'gender', hint = 'Optional.') => ({
    name,
    hint: profile === undefined ? hint : undefined,
    defaultValue: profile && (profile[name] ?? ''),
    error: errors[name],
  });
  return (
    <>
      <FullNameField defaultValue={profile?.fullName} error={errors.fullName} />
      <TextField
        label={t('Phone')}
        type="tel"
        autoComplete="tel"
        {...optional('phone', 'Optional. Doctors may call this number about your consultation.')}
      />
      <TextField label={t('Date of birth')} type="date" autoComplete="bday" {...optional('dateOfBirth')} />
      <SelectField label={t('Gender')} options={GENDER_OPTIONS} {...optional('gender')} />
    </>
  );
}
