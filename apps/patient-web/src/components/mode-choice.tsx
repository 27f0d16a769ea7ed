import { useT, MODE_OPTIONS, type AppointmentMode } from '@arogyam/ui';

interface ModeChoiceProps {
  defaultValue?: AppointmentMode;
  error?: string;
}

/** Video, Chat or In person, as radio buttons named `mode`. */
export function ModeChoice({ defaultValue = 'video', error }: ModeChoiceProps) {
  const t = useT();
  return (
    <fieldset
      className={error ? 'choices field-invalid' : 'choices'}
      aria-describedby={error ? 'mode-error' : undefined}
    >
      <legend>{t('How would you like to consult?')}</legend>
      <div className="choice-list">
        {MODE_OPTIONS.map((option) => (
          <label key={option.value} className="choice">
            <input
              type="radio"
              name="mode"
              value={option.value}
              defaultChecked={option.value === defaultValue}
            />
            {t(option.label)}
          </label>
        ))}
      </div>
      {error && (
        <p id="mode-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
