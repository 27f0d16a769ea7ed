import { useT, TextField, type DoctorProfile, type FieldErrors } from '@arogyam/ui';
import { PhotoField } from './photo-field';

/** The clinic's three fields, all needed once one is given; the limits are the API's. */
const CLINIC_FIELDS = [
  { key: 'name', label: 'Clinic name', maxLength: 120 },
  { key: 'addressLine', label: 'Clinic address', maxLength: 200 },
  { key: 'city', label: 'Clinic city', maxLength: 80 },
] as const;

/** Degrees, clinic and photo: what patients read on the profile and the search card. */
export function PublicProfileFields({ errors, profile }: { errors: FieldErrors; profile: DoctorProfile }) {
  const t = useT();
  return (
    <fieldset className="form-grid">
      <legend>{t('Shown to patients')}</legend>
      <PhotoField initial={profile.photo} error={errors.photo} />
      <div className="field-wide">
        <TextField
          label={t('Qualifications')}
          name="qualifications"
          placeholder={t('e.g. MBBS, MD (Cardiology)')}
          maxLength={200}
          defaultValue={profile.qualifications}
          error={errors.qualifications}
        />
      </div>
      {CLINIC_FIELDS.map(({ key, label, maxLength }) => (
        <TextField
          key={key}
          label={label}
          name={`clinic.${key}`}
          maxLength={maxLength}
          defaultValue={profile.clinic?.[key]}
          error={errors[`clinic.${key}`]}
        />
      ))}
    </fieldset>
  );
}
