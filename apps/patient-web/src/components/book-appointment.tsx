import { useT, FormError, TimeZoneNote, useSession, type Appointment, type Slot } from '@arogyam/ui';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useLastBookableWeek } from '../booking-policy';
import { useFreeSlots, weekOf } from '../use-free-slots';
import { BookingDialog } from './booking-dialog';
import { BookingForm } from './booking-form';
import { SlotPicker } from './slot-picker';

interface BookAppointmentProps {
  doctorId: string;
  doctorName: string;
  /** The profile's first free slot: the picker opens on its week. */
  nextAvailableAt?: string | null;
}

/**
 * The doctor profile's booking panel: pick a free time, week by week, then confirm it with a
 * mode and a reason in a dialog opened over the slots.
 */
export function BookAppointment({ doctorId, doctorName, nextAvailableAt }: BookAppointmentProps) {
  const t = useT();
  const { user } = useSession();
  const navigate = useNavigate();
  const [week, setWeek] = useState(() => (nextAvailableAt ? weekOf(nextAvailableAt) : 0));
  const slots = useFreeSlots(doctorId, week);
  const lastWeek = useLastBookableWeek();
  const [chosen, setChosen] = useState<Slot>();
  const [takenMessage, setTakenMessage] = useState<string | null>(null);

  const choose = (slot: Slot) => {
    setTakenMessage(null);
    setChosen(slot);
  };

  const slotTaken = () => {
    setChosen(undefined);
    setTakenMessage(t('Sorry, that time was just taken by someone else. Please choose another time.'));
    slots.reload();
  };

  const booked = (appointment: Appointment) =>
    navigate(`/appointments/${encodeURIComponent(appointment.id)}`);

  return (
    <section className="card" aria-labelledby="book-heading">
      <h2 id="book-heading">{t('Book an appointment')}</h2>
      {user ? (
        <>
          <TimeZoneNote />
          <FormError message={takenMessage} />
          <SlotPicker
            slots={slots}
            selected={chosen?.startAt}
            onSelect={choose}
            week={week}
            lastWeek={lastWeek}
            onWeekChange={(next) => {
              setChosen(undefined);
              setWeek(next);
            }}
          />
          {chosen && (
            <BookingDialog
              key={chosen.startAt}
              labelledBy="confirm-heading"
              onClose={() => setChosen(undefined)}
            >
              <BookingForm
                doctorId={doctorId}
                doctorName={doctorName}
                slot={chosen}
                onBooked={booked}
                onTaken={slotTaken}
                onChooseAnother={() => setChosen(undefined)}
              />
            </BookingDialog>
          )}
        </>
      ) : (
        <p>
          <Link to="/login">{t('Log in')}</Link> {t('or')}{' '}
          <Link to="/register">{t('create an account')}</Link>{' '}
          {t('to see free times and book a consultation.')}
        </p>
      )}
    </section>
  );
}
