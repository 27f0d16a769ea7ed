import { CallScreen, useVideoCall } from '@arogyam/ui';
import { Link, useParams } from 'react-router-dom';

/** The patient's side of a video consultation: joins the room and accepts the ringing call. */
export function CallPage() {
  const { appointmentId = '' } = useParams();
  const call = useVideoCall({ appointmentId, role: 'patient' });
  return (
    <>
      <h1>Video consultation</h1>
      <CallScreen call={call} />
      <p>
        <Link to={`/appointments/${encodeURIComponent(appointmentId)}`}>Back to the appointment</Link>
      </p>
    </>
  );
}
