import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Button } from '../components/button';
import { CallScreen, type CallScreenProps } from './call-screen';
import { WaitingRoom } from './waiting-room';
import { useVideoCall, type VideoCall } from './use-video-call';
import { useT } from '../i18n/use-t';

/** Renders the call screen, with what the page adds (controls, how ending goes). */
export type CallScreenRenderer = (props?: Partial<CallScreenProps>) => ReactNode;

export interface VideoConsultationPageProps {
  role: 'doctor' | 'patient';
  /**
   * The doctor's app: what goes beside the call (notes, prescription, chat) and around its
   * controls. Default: the call alone.
   */
  children?(call: VideoCall, screen: CallScreenRenderer): ReactNode;
}

/**
 * A video consultation page of either app (`/calls/:appointmentId`): the doctor's side joins and
 * rings the patient (or admits them from the waiting room); the patient's side joins: it answers a
 * ringing call, or waits in the waiting room with the device check until the doctor admits them.
 * When the camera or microphone cannot be used it says why and how to go back.
 */
export function VideoConsultationPage({ role, children }: VideoConsultationPageProps) {
  const t = useT();
  const { appointmentId = '' } = useParams();
  const call = useVideoCall({ appointmentId, role });
  const [speakerId, setSpeakerId] = useState('');
  const appointmentPath = `/appointments/${encodeURIComponent(appointmentId)}`;
  const waiting = role === 'patient' && (call.status === 'waiting' || call.status === 'joining');
  const mediaProblem = call.status === 'error' && call.localStream === null;

  const screen: CallScreenRenderer = (props = {}) => (
    <CallScreen call={call} speakerId={speakerId} onSpeakerChange={setSpeakerId} {...props} />
  );
  let body: ReactNode;
  if (mediaProblem) {
    body = (
      <section className="card stack" aria-labelledby="media-problem-title">
        <h2 id="media-problem-title">{t('Camera and microphone check')}</h2>
        <p role="alert" className="form-error">
          {call.error}
        </p>
        <div className="row-actions">
          <Button onClick={() => window.location.reload()}>{t('Try again')}</Button>
          <Link className="button button-secondary" to={appointmentPath}>
            {t('Back to the appointment')}
          </Link>
        </div>
      </section>
    );
  } else if (waiting) {
    body = <WaitingRoom call={call} speakerId={speakerId} onSpeakerChange={setSpeakerId} />;
  } else {
    body = children ? children(call, screen) : screen();
  }
  return (
    <>
      <h1>{t('Video consultation')}</h1>
      {body}
      {!mediaProblem && (
        <p>
          <Link to={appointmentPath}>{t('Back to the appointment')}</Link>
        </p>
      )}
    </>
  );
}
