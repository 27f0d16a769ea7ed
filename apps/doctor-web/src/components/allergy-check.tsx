import type { AllergyWarning } from '@arogyam/ui';

interface AllergyCheckProps {
  warnings: readonly AllergyWarning[];
  confirmed: boolean;
  onConfirm(confirmed: boolean): void;
  /** Shown when the doctor tried to issue without confirming. */
  error?: string;
}

/**
 * The composer's allergy warning: announced as soon as a medicine's name matches a recorded
 * allergy, and a confirmation the doctor gives before the prescription can be issued anyway.
 */
export function AllergyCheck({ warnings, confirmed, onConfirm, error }: AllergyCheckProps) {
  if (warnings.length === 0) return null;
  return (
    <div className="allergy-warning">
      <div role="alert">
        <p>
          <strong>Allergy warning.</strong> The patient has recorded an allergy that may match:
        </p>
        <ul>
          {warnings.map(({ index, drug, substance }) => (
            <li key={`${index}:${substance}`}>
              Medicine {index + 1}, {drug}: allergy to {substance}
            </li>
          ))}
        </ul>
      </div>
      <div className="field checkbox-field">
        <label>
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(event) => onConfirm(event.target.checked)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'allergy-check-error' : undefined}
          />
          I have checked the allergy and still want to prescribe this
        </label>
        {error && (
          <p id="allergy-check-error" className="field-error">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
