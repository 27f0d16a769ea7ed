import type { AllergyWarning } from '@arogyam/ui';
import { useT } from '@arogyam/ui';

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
  const t = useT();
  if (warnings.length === 0) return null;
  return (
    <div className="allergy-warning">
      <div role="alert">
        <p>
          <strong>{t('Allergy warning.')}</strong> {t('The patient has recorded an allergy that may match:')}
        </p>
        <ul>
          {warnings.map(({ index, drug, substance }) => (
            <li key={`${index}:${substance}`}>
              {t('Medicine {{number}}, {{drug}}: allergy to {{substance}}', {
                number: index + 1,
                drug,
                substance,
              })}
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
          {t('I have checked the allergy and still want to prescribe this')}
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
