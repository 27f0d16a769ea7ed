import { CallScreen, useVideoCall } from '@arogyam/ui';
import { Link, useParams } from 'react-router-dom';

/** The doctor's side of a video consultation: joins the room, rings the patient and connects. */
export function CallPage() {
  const { appointmentId = '' } = useParams();
  const call = useVideoCall({ appointmentId, role: 'doctor' });
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
