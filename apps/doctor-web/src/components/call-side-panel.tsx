import { useT, ConversationPane, useSession, type Appointment } from '@arogyam/ui';
import { api } from '../session';
import { useMedicalProfile } from '../use-medical-profile';
import { MedicalProfileSummary } from './medical-profile-summary';
import { NotesEditor } from './notes-editor';
import { PrescriptionComposer } from './prescription-composer';

export type CallPanel = 'notes' | 'prescription' | 'chat';

export const CALL_PANELS: readonly { panel: CallPanel; label: string }[] = [
  { panel: 'notes', label: 'Notes' },
  { panel: 'prescription', label: 'Prescription' },
  { panel: 'chat', label: 'Chat' },
];

interface CallSidePanelProps {
  appointment: Appointment;
  panel: CallPanel;
  onClose(): void;
}

/**
 * Beside the video: the SOAP notes, the prescription composer or the chat with the patient, so the
 * doctor works during the call without leaving it (a page change would end the call). The notes
 * and the composer come with the patient's medical profile above them.
 */
export function CallSidePanel({ appointment, panel, onClose }: CallSidePanelProps) {
  const t = useT();
  const { user } = useSession();
  const label = CALL_PANELS.find((item) => item.panel === panel)?.label ?? '';
  const clinical = panel !== 'chat';
  const medicalProfile = useMedicalProfile(appointment.id, clinical);
  return (
    <aside className="call-panel stack" aria-label={t(`${label} during the call`)}>
      <p className="row-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t(`Close ${label.toLowerCase()}`)}
        </button>
      </p>
      {clinical && <MedicalProfileSummary profile={medicalProfile} />}
      {panel === 'notes' && <NotesEditor appointmentId={appointment.id} />}
      {panel === 'prescription' && (
        <PrescriptionComposer
          appointmentId={appointment.id}
          onIssued={() => undefined}
          allergies={medicalProfile.data?.allergies}
        />
      )}
      {panel === 'chat' && user && (
        <section className="card" aria-label={`Chat with ${appointment.patient.fullName}`}>
          <ConversationPane
            key={appointment.id}
            api={api}
            roomId={`${appointment.doctorId}:${appointment.patientId}`}
            userId={user.id}
          />
        </section>
      )}
    </aside>
  );
}
