import { TextField } from './text-field';

export interface DateFilterProps {
  /** YYYY-MM-DD */
  value: string;
  onChange(date: string): void;
  label?: string;
  hint?: string;
}

/** A date input that picks the day a list shows; clearing the input keeps the current day. */
export function DateFilter({ value, onChange, label = 'Date', hint }: DateFilterProps) {
  return (
    <div className="filters date-filter">
      <TextField
        label={label}
        name="date"
        type="date"
        value={value}
        hint={hint}
        onChange={(event) => {
          if (event.target.value) onChange(event.target.value);
        }}
      />
    </div>
  );
}
