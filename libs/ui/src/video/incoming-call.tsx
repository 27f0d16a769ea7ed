import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Button } from '../components/button';
import { emitWithAck } from '../socket/socket-ack';
import { useRealtime, useSocketEvent } from '../socket/socket-provider';
import type { VideoCallView } from './use-video-call';
import { useT } from '../i18n/use-t';

/** "Dr X": the caller's name with the title once. */
const doctorName = (fullName: string): string => (/^dr\.?\s/i.test(fullName) ? fullName : `Dr ${fullName}`);

export interface IncomingCallPromptProps {
  /** Where accepting goes; the page there joins and accepts. Default `/calls/:appointmentId`. */
  callPath?(appointmentId: string): string;
}

/**
 * The patient's incoming-call prompt, shown over any page of the app while a doctor rings
 * (`call:ringing`); gone when the doctor hangs up first (`call:ended`) or the ring times out
 * (`call:missed`, which leaves a notice with the way to join still). Accept opens the call page,
 * Decline answers `call:decline`. Not on that call's own page: it answers by itself there.
 */
export function IncomingCallPrompt({
  callPath = (id) => `/calls/${encodeURIComponent(id)}`,
}: IncomingCallPromptProps) {
  const t = useT();
  const { socket } = useRealtime();
  const navigate = useNavigate();
  const [ringing, setRinging] = useState<VideoCallView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [missed, setMissed] = useState<VideoCallView | null>(null);
  const { pathname } = useLocation();

  useSocketEvent<VideoCallView>('call:ringing', (view) => {
    setError(null);
    setRinging(view);
  });
  useSocketEvent<VideoCallView>('call:ended', (view) => {
    setRinging((current) => (current?.appointmentId === view.appointmentId ? null : current));
  });
  useSocketEvent<VideoCallView>('call:missed', (view) => {
    setRinging((current) => (current?.appointmentId === view.appointmentId ? null : current));
    if (pathname !== callPath(view.appointmentId)) setMissed(view);
  });

  if (missed && !ringing) {
    return (
      <div role="alert" className="card missed-call">
        <p>
          {t('You missed a video call from {{doctor}}. You can still join: the doctor will let you in.', {
            doctor: doctorName(missed.caller.fullName),
          })}
        </p>
        <div className="row-actions">
          <Link
            className="button button-primary"
            to={callPath(missed.appointmentId)}
            onClick={() => setMissed(null)}
          >
            {t('Join video visit')}
          </Link>
          <button type="button" className="button button-quiet" onClick={() => setMissed(null)}>
            {t('Dismiss')}
          </button>
        </div>
      </div>
    );
  }
  if (!ringing || pathname === callPath(ringing.appointmentId)) return null;
  const caller = doctorName(ringing.caller.fullName);
  const accept = () => {
    setRinging(null);
    navigate(callPath(ringing.appointmentId));
  };
  const decline = () => {
    if (!socket) return setRinging(null);
    void emitWithAck(socket, 'call:decline', { appointmentId: ringing.appointmentId })
      .then(() => setRinging(null))
      .catch((thrown: Error) => setError(thrown.message));
    return undefined;
  };
  return (
    <div className="incoming-call-backdrop">
      <div
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="incoming-call-title"
        className="card incoming-call"
      >
        <h2 id="incoming-call-title">{caller} is calling</h2>
        <p className="muted">{t('Video consultation')}</p>
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className="call-controls">
          <Button onClick={accept} autoFocus>
            {t('Accept')}
          </Button>
          <Button variant="danger" onClick={decline}>
            {t('Decline')}
          </Button>
        </div>
      </div>
    </div>
  );
}
