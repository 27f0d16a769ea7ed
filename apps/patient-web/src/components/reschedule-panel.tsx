import {
  Translated,
  useT,
  Button,
  FormError,
  formatDateTime,
  useAction,
  type Appointment,
  type Slot,
} from '@arogyam/ui';
import { api } from '../session';
import { useSlotChoice } from '../use-slot-choice';
import { SlotPicker } from './slot-picker';

interface ReschedulePanelProps {
  appointment: Appointment;
  /** The server's answer to the move (the appointment at its new time). */
  onMoved(updated: Appointment | undefined): void;
  onClose(): void;
}

/** Pick another free time of the same doctor, then confirm the move. */
export function ReschedulePanel({ appointment, onMoved, onClose }: ReschedulePanelProps) {
  const t = useT();
  const choice = useSlotChoice(appointment.doctorId, 0);
  const { chosen } = choice;
  const move = useAction();

  const confirm = async (slot: Slot) => {
    choice.clearTaken();
    const failure = await move.run(async () => {
      const path = `/appointments/${encodeURIComponent(appointment.id)}`;
      onMoved(await api.patch<Appointment>(path, { startAt: slot.startAt }));
    });
    if (failure?.code === 'slot_taken') {
      move.clearError();
      choice.taken();
    }
  };

  return (
    <section className="confirm-panel" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">{t('Choose a new time')}</h2>
      <FormError message={choice.takenMessage ?? move.error?.message} />
      <SlotPicker {...choice.picker} />
      {chosen && (
        <p>
          <Translated
            text="Move your appointment to {{time}}?"
            values={{ time: <strong>{formatDateTime(chosen.startAt)}</strong> }}
          />
        </p>
      )}
      <div className="form-actions">
        {chosen && (
          <Button busy={move.busy} onClick={() => confirm(chosen)}>
            {t('Confirm new time')}
          </Button>
        )}
        <Button variant="secondary" disabled={move.busy} onClick={onClose}>
          {t('Keep the current time')}
        </Button>
      </div>
    </section>
  );
}
