import { useT, Button, TextField, itemError, type FieldErrors } from '@arogyam/ui';
import { newWindow, type TimeWindow } from '../availability-draft';

interface WeekdayWindowsProps {
  label: string;
  windows: TimeWindow[];
  /** Index of this day's first window in the saved `weekly` list, to find the server's problems. */
  firstIndex: number;
  errors: FieldErrors;
  onChange(windows: TimeWindow[]): void;
}

/** One weekday's working windows: start and end times, added and removed freely. */
export function WeekdayWindows({ label, windows, firstIndex, errors, onChange }: WeekdayWindowsProps) {
  const t = useT();
  const change = (key: number, patch: Partial<TimeWindow>) =>
    onChange(windows.map((window) => (window.key === key ? { ...window, ...patch } : window)));

  // A first window suggests a usual day; a further one starts where the last ended.
  const add = () => {
    const last = windows.at(-1);
    onChange([...windows, last ? newWindow(last.end, '') : newWindow('09:00', '17:00')]);
  };

  return (
    <fieldset className="weekday">
      <legend>{label}</legend>
      {windows.length === 0 ? (
        <p className="muted">{t('Not working.')}</p>
      ) : (
        <ul className="window-list" aria-label={`${label} working hours`}>
          {windows.map((window, index) => {
            const at = firstIndex + index;
            const rowError = itemError(errors, 'weekly', at) ?? itemError(errors, 'weekly', at, 'weekday');
            return (
              <li key={window.key} className="window-row">
                <TextField
                  label={t('From')}
                  name={`weekly.${at}.start`}
                  type="time"
                  value={window.start}
                  onChange={(event) => change(window.key, { start: event.target.value })}
                  error={itemError(errors, 'weekly', at, 'start')}
                />
                <TextField
                  label={t('To')}
                  name={`weekly.${at}.end`}
                  type="time"
                  value={window.end}
                  onChange={(event) => change(window.key, { end: event.target.value })}
                  error={itemError(errors, 'weekly', at, 'end')}
                />
                <Button
                  variant="quiet"
                  aria-label={`Remove ${label} window ${index + 1}`}
                  onClick={() => onChange(windows.filter((other) => other.key !== window.key))}
                >
                  {t('Remove')}
                </Button>
                {rowError && <p className="field-error">{rowError}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <Button variant="secondary" onClick={add}>
        Add window<span className="visually-hidden"> for {label}</span>
      </Button>
    </fieldset>
  );
}
