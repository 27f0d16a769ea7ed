import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

/** What every labelled form control shares. */
export interface FieldProps {
  /** Visible label text; also the control's accessible name. */
  label: string;
  /** Guidance shown under the control, e.g. "Optional" or a format. */
  hint?: string;
  /** The server's problem with this field, shown under it and announced with it. */
  error?: string;
}

export interface ControlAttributes {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldShellProps extends FieldProps {
  id?: string;
  children: (control: ControlAttributes) => ReactNode;
}

/** Label, hint and error around one control, wired together with htmlFor and aria-describedby. */
export function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  const t = useT();
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={controlId}>{t(label)}</label>
      {children({ id: controlId, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} className="field-hint">
          {t(hint)}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {t(error)}
        </p>
      )}
    </div>
  );
}
