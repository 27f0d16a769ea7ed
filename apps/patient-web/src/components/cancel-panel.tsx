import {
  useT,
  Button,
  FormError,
  TextAreaField,
  optionalText,
  useSubmit,
  type Appointment,
} from '@arogyam/ui';
import { api } from '../session';
import { CancellationOutcome } from './cancellation-policy';

interface CancelPanelProps {
  appointment: Appointment;
  onCancelled(updated: Appointment | undefined): void;
  onClose(): void;
}

/** Asks before cancelling ("Yes, cancel"), with an optional reason for the doctor. */
export function CancelPanel({ appointment, onCancelled, onClose }: CancelPanelProps) {
  const t = useT();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(['reason']);

  const cancel = handleSubmit(async (data) => {
    const path = `/appointments/${encodeURIComponent(appointment.id)}/cancel`;
    onCancelled(await api.post<Appointment>(path, { reason: optionalText(data, 'reason') }));
  });

  return (
    <form className="confirm-panel" onSubmit={cancel} noValidate aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t('Cancel this appointment?')}</h2>
      <p>{t('The time becomes free for other patients. You can book again at any time.')}</p>
      <CancellationOutcome startAt={appointment.startAt} />
      <FormError message={formError} />
      <TextAreaField
        label={t('Reason for cancelling')}
        name="reason"
        rows={2}
        hint={t('Optional. The doctor sees it.')}
        error={fieldErrors.reason}
      />
      <div className="form-actions">
        <Button type="submit" variant="danger" busy={busy}>
          {t('Yes, cancel')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onClose}>
          {t('Keep appointment')}
        </Button>
      </div>
    </form>
  );
}
