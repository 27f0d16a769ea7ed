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
import { useState } from 'react';
import { api } from '../session';
import { useLastBookableWeek } from '../booking-policy';
import { useFreeSlots } from '../use-free-slots';
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
  const [week, setWeek] = useState(0);
  const slots = useFreeSlots(appointment.doctorId, week);
  const lastWeek = useLastBookableWeek();
  const [chosen, setChosen] = useState<Slot>();
  const [takenMessage, setTakenMessage] = useState<string | null>(null);
  const move = useAction();

  const confirm = async (slot: Slot) => {
    setTakenMessage(null);
    const failure = await move.run(async () => {
      const path = `/appointments/${encodeURIComponent(appointment.id)}`;
      onMoved(await api.patch<Appointment>(path, { startAt: slot.startAt }));
    });
    if (failure?.code === 'slot_taken') {
      move.clearError();
      setChosen(undefined);
      setTakenMessage(t('Sorry, that time was just taken by someone else. Please choose another time.'));
      slots.reload();
    }
  };

  return (
    <section className="confirm-panel" aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">{t('Choose a new time')}</h2>
      <FormError message={takenMessage ?? move.error?.message} />
      <SlotPicker
        slots={slots}
        selected={chosen?.startAt}
        onSelect={(slot) => {
          setTakenMessage(null);
          setChosen(slot);
        }}
        week={week}
        lastWeek={lastWeek}
        onWeekChange={(next) => {
          setChosen(undefined);
          setWeek(next);
        }}
      />
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
