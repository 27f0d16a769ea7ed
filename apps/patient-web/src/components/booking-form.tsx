import {
  Translated,
  useT,
  Button,
  FormError,
  TextAreaField,
  formatDateTime,
  optionalText,
  rawText,
  toApiError,
  useSubmit,
  type Appointment,
  type AppointmentMode,
  type NewAppointment,
  type Slot,
} from '@arogyam/ui';
import { api } from '../session';
import { CancellationPolicy } from './cancellation-policy';
import { ModeChoice } from './mode-choice';

interface BookingFormProps {
  doctorId: string;
  doctorName: string;
  slot: Slot;
  onBooked(appointment: Appointment): void;
  /** The slot was taken by someone else meanwhile (409). */
  onTaken(): void;
  onChooseAnother(): void;
}

/** The confirmation step: the chosen time, the mode and an optional reason, then "Confirm booking". */
export function BookingForm({
  doctorId,
  doctorName,
  slot,
  onBooked,
  onTaken,
  onChooseAnother,
}: BookingFormProps) {
  const t = useT();
  const { busy, fieldErrors, formError, handleSubmit } = useSubmit(['mode', 'reason', 'startAt']);

  const book = handleSubmit(async (data) => {
    const booking: NewAppointment = {
      doctorId,
      startAt: slot.startAt,
      mode: rawText(data, 'mode') as AppointmentMode,
      reason: optionalText(data, 'reason'),
    };
    try {
      onBooked(await api.post<Appointment>('/appointments', booking));
    } catch (thrown) {
      // Only a slot someone else took sends the patient back to the times; "you already have an
      // appointment then" (patient_busy) and the rest are said here, in the service's words.
      if (toApiError(thrown).code !== 'slot_taken') throw thrown;
      onTaken();
    }
  });

  return (
    <form className="confirm-panel" onSubmit={book} noValidate aria-labelledby="confirm-heading">
      <h3 id="confirm-heading">{t('Confirm your appointment')}</h3>
      <p>
        <Translated
          text="With {{doctor}} on {{time}}."
          values={{
            doctor: <strong>{doctorName}</strong>,
            time: <strong>{formatDateTime(slot.startAt)}</strong>,
          }}
        />
      </p>
      <FormError message={formError} />
      {fieldErrors.startAt && <p className="field-error">{fieldErrors.startAt}</p>}
      <ModeChoice error={fieldErrors.mode} />
      <TextAreaField
        label={t('Reason for the visit')}
        name="reason"
        rows={3}
        hint={t('Optional. A few words help the doctor prepare.')}
        error={fieldErrors.reason}
      />
      <CancellationPolicy />
      <div className="form-actions">
        {/* Focused when the dialog opens: Enter books with the default mode. */}
        <Button type="submit" busy={busy} data-initial-focus>
          {t('Confirm booking')}
        </Button>
        <Button variant="secondary" disabled={busy} onClick={onChooseAnother}>
          {t('Choose another time')}
        </Button>
      </div>
    </form>
  );
}
