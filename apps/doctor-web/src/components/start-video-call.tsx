import { Button, type Appointment } from '@arogyam/ui';
import { useNavigate } from 'react-router-dom';

/** Statuses after which there is nobody left to call. */
const OVER = new Set(['completed', 'cancelled', 'no_show']);

/** "Start video call" for a video appointment that is not over: opens the call page, which rings. */
export function StartVideoCall({
  appointment,
}: {
  appointment: Pick<Appointment, 'id' | 'mode' | 'status'>;
}) {
  const navigate = useNavigate();
  if (appointment.mode !== 'video' || OVER.has(appointment.status)) return null;
  return (
    <Button onClick={() => navigate(`/calls/${encodeURIComponent(appointment.id)}`)}>Start video call</Button>
  );
}
