import { FormError, TimeZoneNote, useSession, type Appointment, type Slot } from '@arogyam/ui';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useFreeSlots } from '../use-free-slots';
import { BookingForm } from './booking-form';
import { SlotPicker } from './slot-picker';

interface BookAppointmentProps {
  doctorId: string;
  doctorName: string;
}

/** The doctor profile's booking panel: pick a free time, then confirm it with a mode and a reason. */
export function BookAppointment({ doctorId, doctorName }: BookAppointmentProps) {
  const { user } = useSession();
  const navigate = useNavigate();
  const slots = useFreeSlots(doctorId);
  const [chosen, setChosen] = useState<Slot>();
  const [takenMessage, setTakenMessage] = useState<string | null>(null);

  const choose = (slot: Slot) => {
    setTakenMessage(null);
    setChosen(slot);
  };

  const slotTaken = () => {
    setChosen(undefined);
    setTakenMessage('Sorry, that time was just taken by someone else. Please choose another time.');
    slots.reload();
  };

  const booked = (appointment: Appointment) =>
    navigate(`/appointments/${encodeURIComponent(appointment.id)}`);

  return (
    <section className="card" aria-labelledby="book-heading">
      <h2 id="book-heading">Book an appointment</h2>
      {user ? (
        <>
          <TimeZoneNote />
          <FormError message={takenMessage} />
          <SlotPicker slots={slots} selected={chosen?.startAt} onSelect={choose} />
          {chosen && (
            <BookingForm
              key={chosen.startAt}
              doctorId={doctorId}
              doctorName={doctorName}
              slot={chosen}
              onBooked={booked}
              onTaken={slotTaken}
              onChooseAnother={() => setChosen(undefined)}
            />
          )}
        </>
      ) : (
        <p>
          <Link to="/login">Log in</Link> or <Link to="/register">create an account</Link> to see free times
          and book a consultation.
        </p>
      )}
    </section>
  );
}
