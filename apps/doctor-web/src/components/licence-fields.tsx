import { useT, TextField, type DoctorProfile, type FieldErrors } from '@arogyam/ui';

interface LicenceFieldsProps {
  errors: FieldErrors;
  /** Current values when correcting them (before approval); empty when registering. */
  profile?: DoctorProfile;
}

/** The licence details an admin verifies: registration number, council and year. */
export function LicenceFields({ errors, profile }: LicenceFieldsProps) {
  const t = useT();
  return (
    <>
      <TextField
        label={t('Registration number')}
        name="licenseNumber"
        required
        hint={t('Your medical council registration (licence) number, as on your certificate.')}
        defaultValue={profile?.licenseNumber}
        error={errors.licenseNumber}
      />
      <TextField
        label={t('Medical council')}
        name="registrationCouncil"
        hint={t(
          'The council you are registered with, e.g. National Medical Commission or Karnataka Medical Council.',
        )}
        defaultValue={profile?.registrationCouncil}
        error={errors.registrationCouncil}
      />
      <TextField
        label={t('Year of registration')}
        name="registrationYear"
        type="number"
        inputMode="numeric"
        min={1950}
        step={1}
        defaultValue={profile?.registrationYear}
        error={errors.registrationYear}
      />
    </>
  );
}
