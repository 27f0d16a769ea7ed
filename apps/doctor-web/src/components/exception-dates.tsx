import { useT, Button, TextField, formatDate, itemError, listError, type FieldErrors } from '@arogyam/ui';
import { useState } from 'react';

interface ExceptionDatesProps {
  /** YYYY-MM-DD dates marked unavailable, in date order. */
  dates: string[];
  errors: FieldErrors;
  onChange(dates: string[]): void;
}

/** Days off: dates on which no slots are offered, whatever the weekly hours say. */
export function ExceptionDates({ dates, errors, onChange }: ExceptionDatesProps) {
  const t = useT();
  const [newDate, setNewDate] = useState('');
  const problem = listError(errors, 'exceptions');

  const add = () => {
    if (!newDate) return;
    if (!dates.includes(newDate)) onChange([...dates, newDate].sort());
    setNewDate('');
  };

  return (
    <fieldset>
      <legend>{t('Days off')}</legend>
      <p className="field-hint">
        {t('Holidays and other dates you are unavailable. Patients cannot book them.')}
      </p>
      <div className="inline-fields">
        <TextField
          label={t('Date off')}
          name="exceptionDate"
          type="date"
          value={newDate}
          onChange={(event) => setNewDate(event.target.value)}
        />
        <Button variant="secondary" disabled={!newDate} onClick={add}>
          {t('Add date')}
        </Button>
      </div>
      {problem && <p className="field-error">{problem}</p>}
      {dates.length === 0 ? (
        <p className="muted">{t('No days off.')}</p>
      ) : (
        <ul className="exception-list" aria-label={t('Days off')}>
          {dates.map((date, index) => {
            const error =
              itemError(errors, 'exceptions', index, 'date') ?? itemError(errors, 'exceptions', index);
            return (
              <li key={date}>
                <span>
                  {formatDate(date)} <span className="muted">{t('· unavailable')}</span>
                </span>
                <Button
                  variant="quiet"
                  aria-label={`Remove ${formatDate(date)}`}
                  onClick={() => onChange(dates.filter((other) => other !== date))}
                >
                  {t('Remove')}
                </Button>
                {error && <p className="field-error">{error}</p>}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
