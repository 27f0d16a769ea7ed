import { useT, FormError, TimeZoneNote, useSession, type Appointment } from '@arogyam/ui';
import { Link, useNavigate } from 'react-router-dom';
import { weekOf } from '../use-free-slots';
import { useSlotChoice } from '../use-slot-choice';
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
  const choice = useSlotChoice(doctorId, nextAvailableAt ? weekOf(nextAvailableAt) : 0);
  const { chosen } = choice;

  const booked = (appointment: Appointment) =>
    navigate(`/appointments/${encodeURIComponent(appointment.id)}`);

  return (
    <section className="card" aria-labelledby="book-heading">
      <h2 id="book-heading">{t('Book an appointment')}</h2>
      {user ? (
        <>
          <TimeZoneNote />
          <FormError message={choice.takenMessage} />
          <SlotPicker {...choice.picker} />
          {chosen && (
            <BookingDialog
              key={chosen.startAt}
              labelledBy="confirm-heading"
              onClose={choice.dropChoice}
            >
              <BookingForm
                doctorId={doctorId}
                doctorName={doctorName}
                slot={chosen}
                onBooked={booked}
                onTaken={choice.taken}
                onChooseAnother={choice.dropChoice}
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
