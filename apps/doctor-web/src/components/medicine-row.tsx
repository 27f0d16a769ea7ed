import { useT, Button, TextField, itemError, type FieldErrors } from '@arogyam/ui';
import type { MedicineDraft } from '../prescription-draft';

interface MedicineRowProps {
  index: number;
  medicine: MedicineDraft;
  errors: FieldErrors;
  /** Absent for the only row: a prescription has at least one line to fill in. */
  onRemove?: () => void;
  onChange(medicine: MedicineDraft): void;
}

type TextKey = Exclude<keyof MedicineDraft, 'key'>;

const COLUMNS: readonly { name: TextKey; label: string; placeholder: string }[] = [
  { name: 'drug', label: 'Drug', placeholder: 'e.g. Paracetamol' },
  { name: 'dose', label: 'Dose', placeholder: 'e.g. 500 mg' },
  { name: 'frequency', label: 'Frequency', placeholder: 'e.g. 1-0-1' },
  { name: 'durationDays', label: 'Days', placeholder: 'e.g. 5' },
  { name: 'instructions', label: 'Instructions', placeholder: 'e.g. After food' },
];

/** One line of the prescription: Drug, Dose, Frequency, Days, Instructions. */
export function MedicineRow({ index, medicine, errors, onRemove, onChange }: MedicineRowProps) {
  const t = useT();
  const rowError = itemError(errors, 'items', index);
  return (
    <fieldset className="medicine-row">
      <legend>Medicine {index + 1}</legend>
      <div className="medicine-fields">
        {COLUMNS.map(({ name, label, placeholder }) => (
          <TextField
            key={name}
            label={label}
            name={`items.${index}.${name}`}
            type={name === 'durationDays' ? 'number' : 'text'}
            inputMode={name === 'durationDays' ? 'numeric' : undefined}
            min={name === 'durationDays' ? 1 : undefined}
            placeholder={placeholder}
            value={medicine[name]}
            onChange={(event) => onChange({ ...medicine, [name]: event.target.value })}
            error={itemError(errors, 'items', index, name)}
          />
        ))}
        {onRemove && (
          <Button variant="quiet" aria-label={`Remove medicine ${index + 1}`} onClick={onRemove}>
            {t('Remove')}
          </Button>
        )}
      </div>
      {rowError && <p className="field-error">{rowError}</p>}
    </fieldset>
  );
}
