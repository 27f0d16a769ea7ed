import { Link, useParams } from 'react-router-dom';
import { CallScreen } from './call-screen';
import { useVideoCall } from './use-video-call';

/**
 * A video consultation page of either app (`/calls/:appointmentId`): the doctor's
 * side joins and rings the patient; the patient's side joins and accepts the ringing call.
 */
export function VideoConsultationPage({ role }: { role: 'doctor' | 'patient' }) {
  const { appointmentId = '' } = useParams();
  const call = useVideoCall({ appointmentId, role });
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
