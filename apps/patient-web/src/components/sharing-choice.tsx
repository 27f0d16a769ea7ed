import type { RecordSharing, RecordSharingMode } from '@arogyam/ui';
import { useBookingPolicy } from '../booking-policy';
import type { MyDoctor } from '../use-my-doctors';
import { translate, useT } from '@arogyam/ui';

interface SharingChoiceProps {
  /** Makes the radio names and ids unique on a page with several choices. */
  idPrefix: string;
  doctors: MyDoctor[];
  value: RecordSharing;
  onChange(value: RecordSharing): void;
  error?: string;
}

export const CHOOSE_A_DOCTOR = 'Choose at least one doctor, or another option.';

/** "30 days"; before the policy has loaded, a vaguer "some days". */
const afterVisit = (days: number | undefined): string =>
  days ? translate('{{days}} days', { days }) : translate('some days');

const MODES: { value: RecordSharingMode; label: string; hint: (days?: number) => string }[] = [
  { value: 'none', label: 'Only me', hint: () => translate('No doctor can read it.') },
  {
    value: 'all_my_doctors',
    label: 'All my doctors',
    hint: (days) =>
      translate(
        'A doctor you see can read it from the day of your visit until {{period}} after your last consultation with them.',
        { period: afterVisit(days) },
      ),
  },
  {
    value: 'chosen',
    label: 'Doctors I choose',
    hint: () => translate('Only these doctors, also before the day of a visit you have booked with them.'),
  },
];

/** Who may read a record: nobody, all the patient's doctors, or the doctors they tick. */
export function SharingChoice({ idPrefix, doctors, value, onChange, error }: SharingChoiceProps) {
  const t = useT();
  const errorId = `${idPrefix}-sharing-error`;
  const days = useBookingPolicy().data?.careRelationshipDays;
  const toggle = (doctorId: string, on: boolean) =>
    onChange({
      mode: 'chosen',
      doctorIds: on ? [...value.doctorIds, doctorId] : value.doctorIds.filter((id) => id !== doctorId),
    });
  return (
    <fieldset
      className={error ? 'choices field-invalid' : 'choices'}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{t('Who can read it?')}</legend>
      {MODES.map((mode) => {
        const disabled = mode.value === 'chosen' && doctors.length === 0;
        const hintId = `${idPrefix}-sharing-${mode.value}-hint`;
        return (
          <div key={mode.value}>
            <label className="choice">
              <input
                type="radio"
                name={`${idPrefix}-sharing`}
                value={mode.value}
                checked={value.mode === mode.value}
                disabled={disabled}
                aria-describedby={hintId}
                onChange={() => onChange({ mode: mode.value, doctorIds: value.doctorIds })}
              />
              {t(mode.label)}
            </label>
            <p id={hintId} className="field-hint">
              {disabled
                ? t('Book an appointment first: then you can choose its doctor here.')
                : mode.hint(days)}
            </p>
          </div>
        );
      })}
      {value.mode === 'chosen' && doctors.length > 0 && (
        <fieldset className="choices">
          <legend>{t('Doctors')}</legend>
          <div className="choice-list">
            {doctors.map((doctor) => (
              <label key={doctor.id} className="choice">
                <input
                  type="checkbox"
                  checked={value.doctorIds.includes(doctor.id)}
                  onChange={(event) => toggle(doctor.id, event.target.checked)}
                />
                {doctor.fullName} <span className="muted">({doctor.specialization})</span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
