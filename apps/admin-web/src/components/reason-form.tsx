import type { FormEvent } from 'react';
import { useT, Button, FormError, TextAreaField, type Submission } from '@arogyam/ui';

interface ReasonFormProps {
  /** The decision's request (useSubmit with `name` among its fields) and its submit handler. */
  submission: Submission;
  onSubmit(event: FormEvent<HTMLFormElement>): void;
  /** The reason's field: its name in the request, its label and what it asks for (translated). */
  name: string;
  label: string;
  hint: string;
  required?: boolean;
  submitLabel: string;
  /** A decision against the person (a rejection): its button is red. */
  danger?: boolean;
  onCancel(): void;
}

/** The reason an admin gives for sending something back (a rejection, a returned case), in place of the actions. */
export function ReasonForm({
  submission,
  onSubmit,
  name,
  label,
  hint,
  required,
  submitLabel,
  danger,
  onCancel,
}: ReasonFormProps) {
  const t = useT();
  return (
    <form className="confirm-panel" onSubmit={onSubmit} noValidate>
      <FormError message={submission.formError} />
      <TextAreaField
        label={label}
        name={name}
        rows={3}
        autoFocus
        required={required}
        hint={hint}
        error={submission.fieldErrors[name]}
      />
      <div className="form-actions">
        <Button type="submit" variant={danger ? 'danger' : undefined} busy={submission.busy}>
          {submitLabel}
        </Button>
        <Button variant="secondary" disabled={submission.busy} onClick={onCancel}>
          {t('Cancel')}
        </Button>
      </div>
    </form>
  );
}
