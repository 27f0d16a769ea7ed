import { Button, TextField, formatDate, itemError, listError, type FieldErrors } from '@arogyam/ui';
import { useState } from 'react';

interface ExceptionDatesProps {
  /** YYYY-MM-DD dates marked unavailable, in date order. */
  dates: string[];
  errors: FieldErrors;
  onChange(dates: string[]): void;
}

/** Days off: dates on which no slots are offered, whatever the weekly hours say. */
export function ExceptionDates({ dates, errors, onChange }: ExceptionDatesProps) {
  const [newDate, setNewDate] = useState('');
  const problem = listError(errors, 'exceptions');

  const add = () => {
    if (!newDate) return;
    if (!dates.includes(newDate)) onChange([...dates, newDate].sort());
    setNewDate('');
  };

  return (
    <fieldset>
      <legend>Days off</legend>
      <p className="field-hint">Holidays and other dates you are unavailable. Patients cannot book them.</p>
      <div className="inline-fields">
        <TextField
          label="Date off"
          name="exceptionDate"
          type="date"
          value={newDate}
          onChange={(event) => setNewDate(event.target.value)}
        />
        <Button variant="secondary" disabled={!newDate} onClick={add}>
          Add date
        </Button>
      </div>
      {problem && <p className="field-error">{problem}</p>}
      {dates.length === 0 ? (
        <p className="muted">No days off.</p>
      ) : (
        <ul className="exception-list" aria-label="Days off">
          {dates.map((date, index) => {
            const error =
              itemError(errors, 'exceptions', index, 'date') ?? itemError(errors, 'exceptions', index);
            return (
              <li key={date}>
                <span>
                  {formatDate(date)} <span className="muted">· unavailable</span>
                </span>
                <Button
                  variant="quiet"
                  aria-label={`Remove ${formatDate(date)}`}
                  onClick={() => onChange(dates.filter((other) => other !== date))}
                >
                  Remove
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
