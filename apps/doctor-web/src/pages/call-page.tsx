import {
  Button,
  VideoConsultationPage,
  useAsync,
  type Appointment,
  type CallScreenRenderer,
  type VideoCall,
} from '@arogyam/ui';
import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { CALL_PANELS, CallSidePanel, type CallPanel } from '../components/call-side-panel';
import { EndCallDialog } from '../components/end-call-dialog';
import { api } from '../session';

/** The doctor's video consultation: the call, with notes, prescription and chat opening beside it. */
export function CallPage() {
  return (
    <VideoConsultationPage role="doctor">
      {(call, screen) => <CallWorkspace call={call} screen={screen} />}
    </VideoConsultationPage>
  );
}

function CallWorkspace({ call, screen }: { call: VideoCall; screen: CallScreenRenderer }) {
  const { appointmentId = '' } = useParams();
  const appointment = useAsync(
    (signal) => api.get<Appointment>(`/appointments/${encodeURIComponent(appointmentId)}`, { signal }),
    [appointmentId],
  );
  const [panel, setPanel] = useState<CallPanel | null>(null);
  const [ending, setEnding] = useState(false);

  const end = async (complete: boolean) => {
    await call.end();
    if (complete) {
      await api.post<Appointment>(`/appointments/${encodeURIComponent(appointmentId)}/status`, {
        status: 'completed',
      });
    }
    setEnding(false);
  };

  const controls: ReactNode = (
    <>
      {CALL_PANELS.map(({ panel: each, label }) => (
        <Button
          key={each}
          variant="secondary"
          aria-pressed={panel === each}
          disabled={!appointment.data}
          onClick={() => setPanel(panel === each ? null : each)}
        >
          {label}
        </Button>
      ))}
      <Button
        variant="secondary"
        aria-pressed={call.sharingScreen}
        onClick={() => void call.toggleScreenShare()}
      >
        {call.sharingScreen ? 'Stop sharing' : 'Share screen'}
      </Button>
    </>
  );
  const over = call.status === 'ended' || call.status === 'declined' || call.status === 'error';
  return (
    <div className={panel && !over ? 'call-with-panel' : undefined}>
      <div className="stack">
        {screen({ controls, onEnd: () => setEnding(true) })}
        {ending && !over && <EndCallDialog onEnd={end} onCancel={() => setEnding(false)} />}
      </div>
      {panel && !over && appointment.data && (
        <CallSidePanel appointment={appointment.data} panel={panel} onClose={() => setPanel(null)} />
      )}
    </div>
  );
}
