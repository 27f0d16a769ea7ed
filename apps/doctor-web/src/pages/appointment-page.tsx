import {
  useT,
  AppointmentHealthRecords,
  AppointmentPrescriptions,
  AppointmentView,
  type Appointment,
} from '@arogyam/ui';
import { useState } from 'react';
import { MedicalProfileSummary } from '../components/medical-profile-summary';
import { NotesEditor } from '../components/notes-editor';
import { PatientDetails } from '../components/patient-details';
import { PatientHistory } from '../components/patient-history';
import { PrescriptionComposer } from '../components/prescription-composer';
import { StartVideoCall } from '../components/start-video-call';
import { StatusActions } from '../components/status-actions';
import { api } from '../session';
import { useMedicalProfile } from '../use-medical-profile';

const BACK = { to: '/queue', label: "Today's queue" };

export function AppointmentPage() {
  return (
    <AppointmentView api={api} viewer="doctor" appName="Arogyam for Doctors" back={BACK}>
      {(appointment, update) => <Consultation appointment={appointment} onChanged={update} />}
    </AppointmentView>
  );
}

function Consultation({
  appointment,
  onChanged,
}: {
  appointment: Appointment;
  onChanged(updated?: Appointment): void;
}) {
  const t = useT();
  const [issuedCount, setIssuedCount] = useState(0);
  const issued = () => setIssuedCount((count) => count + 1);
  // A cancelled appointment is no care relationship: patient-service refuses the patient's data.
  const caring = appointment.status !== 'cancelled';
  const medicalProfile = useMedicalProfile(appointment.id, caring);

  return (
    <>
      <StatusActions appointment={appointment} onChanged={onChanged} />
      <StartVideoCall appointment={appointment} />
      {caring && <PatientDetails appointmentId={appointment.id} />}
      {caring && <MedicalProfileSummary profile={medicalProfile} />}
      <NotesEditor appointmentId={appointment.id} />
      {caring && (
        <>
          <AppointmentHealthRecords api={api} appointmentId={appointment.id} />
          <PatientHistory appointmentId={appointment.id} />
        </>
      )}
      <AppointmentPrescriptions
        api={api}
        appointmentId={appointment.id}
        refreshKey={issuedCount}
        emptyTitle={t('No prescriptions issued for this appointment yet.')}
      />
      {/* Nothing to prescribe for a visit that did not happen. */}
      {caring && appointment.status !== 'no_show' && (
        <PrescriptionComposer
          appointmentId={appointment.id}
          onIssued={issued}
          allergies={medicalProfile.data?.allergies}
        />
      )}
    </>
  );
}
