import { useT, AppointmentPrescriptions, AppointmentView, JoinVideoVisit } from '@arogyam/ui';
import { AppointmentPayment } from '../components/appointment-payment';
import { AppointmentReview } from '../components/appointment-review';
import { ManageAppointment } from '../components/manage-appointment';
import { SharedNotes } from '../components/shared-notes';
import { api } from '../session';

const BACK = { to: '/appointments', label: 'My appointments' };

export function AppointmentPage() {
  const t = useT();
  return (
    <AppointmentView api={api} viewer="patient" appName="Arogyam" back={BACK}>
      {(appointment, update) => (
        <>
          <JoinVideoVisit api={api} appointment={appointment} />
          <ManageAppointment appointment={appointment} onChanged={update} />
          <AppointmentPayment appointment={appointment} />
          <AppointmentReview appointment={appointment} />
          <SharedNotes appointmentId={appointment.id} />
          <AppointmentPrescriptions
            api={api}
            appointmentId={appointment.id}
            emptyTitle={t('No prescriptions for this appointment yet.')}
          />
        </>
      )}
    </AppointmentView>
  );
}
