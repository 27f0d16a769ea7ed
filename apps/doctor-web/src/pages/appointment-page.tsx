import { useT, AppointmentHealthRecords, AppointmentPrescriptions, AppointmentView } from '@arogyam/ui';
import { useState } from 'react';
import { NotesEditor } from '../components/notes-editor';
import { PatientDetails } from '../components/patient-details';
import { PatientHistory } from '../components/patient-history';
import { PrescriptionComposer } from '../components/prescription-composer';
import { StartVideoCall } from '../components/start-video-call';
import { StatusActions } from '../components/status-actions';
import { api } from '../session';

const BACK = { to: '/queue', label: "Today's queue" };

export function AppointmentPage() {
  const t = useT();
  const [issuedCount, setIssuedCount] = useState(0);
  const issued = () => setIssuedCount((count) => count + 1);

  return (
    <AppointmentView api={api} viewer="doctor" appName="Arogyam for Doctors" back={BACK}>
      {(appointment, update) => (
        <>
          <StatusActions appointment={appointment} onChanged={update} />
          <StartVideoCall appointment={appointment} />
          {/* As for health records: a cancelled appointment no longer opens the patient's details. */}
          {appointment.status !== 'cancelled' && <PatientDetails appointmentId={appointment.id} />}
          <NotesEditor appointmentId={appointment.id} />
          {/* A cancelled appointment is no care relationship: patient-service refuses it. */}
          {appointment.status !== 'cancelled' && (
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
          {appointment.status !== 'cancelled' && appointment.status !== 'no_show' && (
            <PrescriptionComposer appointmentId={appointment.id} onIssued={issued} />
          )}
        </>
      )}
    </AppointmentView>
  );
}
