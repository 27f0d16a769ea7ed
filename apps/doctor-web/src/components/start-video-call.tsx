import { useT, Button, formatTime, type Appointment } from '@arogyam/ui';
import { useNavigate } from 'react-router-dom';

/** Statuses after which there is nobody left to call. */
const OVER = new Set(['completed', 'cancelled', 'no_show']);

/**
 * For a video appointment that is not over: "Admit" while the patient is in the waiting room
 * (with since when), else "Start video call". Both open the call page, which rings; a waiting
 * patient's page answers at once.
 */
export function StartVideoCall({
  appointment,
}: {
  appointment: Pick<Appointment, 'id' | 'mode' | 'status' | 'waitingSince'>;
}) {
  const t = useT();
  const navigate = useNavigate();
  if (appointment.mode !== 'video' || OVER.has(appointment.status)) return null;
  const open = () => navigate(`/calls/${encodeURIComponent(appointment.id)}`);
  if (!appointment.waitingSince) return <Button onClick={open}>{t('Start video call')}</Button>;
  return (
    <p className="waiting-patient">
      <span className="badge badge-waiting">Waiting since {formatTime(appointment.waitingSince)}</span>{' '}
      <Button onClick={open}>{t('Admit')}</Button>
    </p>
  );
}
