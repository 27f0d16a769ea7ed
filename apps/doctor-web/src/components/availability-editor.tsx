import {
  useT,
  Button,
  FormError,
  StatusMessage,
  TextField,
  listError,
  useSubmit,
  type Availability,
} from '@arogyam/ui';
import { useState } from 'react';
import {
  WEEKDAYS,
  availabilityFrom,
  draftFrom,
  firstIndexOf,
  type AvailabilityDraft,
} from '../availability-draft';
import { api } from '../session';
import { ExceptionDates } from './exception-dates';
import { TimeZoneSelect } from './time-zone-select';
import { WeekdayWindows } from './weekday-windows';

const FIELDS = ['timezone', 'slotMinutes', 'weekly', 'exceptions'] as const;

interface AvailabilityEditorProps {
  /** What was saved before; null when the doctor has not set hours yet. */
  saved: Availability | null;
}

/** The weekly hours form: zone, slot length, windows per weekday and days off; the server validates. */
export function AvailabilityEditor({ saved }: AvailabilityEditorProps) {
  const t = useT();
  const [draft, setDraft] = useState<AvailabilityDraft>(() => draftFrom(saved));
  const [done, setDone] = useState(false);
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(FIELDS);

  const update = (changes: Partial<AvailabilityDraft>) => {
    setDone(false);
    setDraft((current) => ({ ...current, ...changes }));
  };

  const save = handleSubmit(async () => {
    setDone(false);
    await api.put('/doctors/me/availability', availabilityFrom(draft));
    setDone(true);
  });

  const weeklyProblem = listError(fieldErrors, 'weekly');

  return (
    <form onSubmit={save} noValidate>
      <FormError message={formError} />
      <fieldset>
        <legend>{t('Slots')}</legend>
        <div className="form-grid">
          <TimeZoneSelect
            value={draft.timezone}
            onChange={(timezone) => update({ timezone })}
            error={fieldErrors.timezone}
          />
          <TextField
            label={t('Slot length (minutes)')}
            name="slotMinutes"
            type="number"
            inputMode="numeric"
            min={5}
            step={5}
            value={draft.slotMinutes}
            onChange={(event) => update({ slotMinutes: event.target.value })}
            hint={t('Each appointment takes one slot.')}
            error={fieldErrors.slotMinutes}
          />
        </div>
      </fieldset>
      <section aria-labelledby="weekly-heading" className="weekly-hours">
        <h2 id="weekly-heading">{t('Weekly hours')}</h2>
        {weeklyProblem && <p className="field-error">{weeklyProblem}</p>}
        {WEEKDAYS.map(({ weekday, label }) => (
          <WeekdayWindows
            key={weekday}
            label={label}
            windows={draft.days[weekday]}
            firstIndex={firstIndexOf(draft, weekday)}
            errors={fieldErrors}
            onChange={(windows) => update({ days: { ...draft.days, [weekday]: windows } })}
          />
        ))}
      </section>
      <ExceptionDates
        dates={draft.exceptions}
        errors={fieldErrors}
        onChange={(exceptions) => update({ exceptions })}
      />
      <div className="form-actions">
        <Button type="submit" busy={busy}>
          {t('Save availability')}
        </Button>
        <StatusMessage message={done ? 'Your availability has been saved.' : ''} />
      </div>
    </form>
  );
}
