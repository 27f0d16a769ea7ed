import { useT, Button, StatusMessage, formatDateTime, type Appointment } from '@arogyam/ui';
import { useState } from 'react';
import { CancelPanel } from './cancel-panel';
import { ReschedulePanel } from './reschedule-panel';

interface ManageAppointmentProps {
  appointment: Appointment;
  /** The changed appointment from the server, or undefined to load it again. */
  onChanged(updated: Appointment | undefined): void;
}

type Step = 'idle' | 'reschedule' | 'cancel';

/** "Reschedule" and "Cancel appointment", offered while the appointment is still booked. */
export function ManageAppointment({ appointment, onChanged }: ManageAppointmentProps) {
  const t = useT();
  const [step, setStep] = useState<Step>('idle');
  const [announcement, setAnnouncement] = useState('');

  const finish = (message: string, updated: Appointment | undefined) => {
    setStep('idle');
    setAnnouncement(message);
    onChanged(updated);
  };

  return (
    <section aria-label={t('Change this appointment')}>
      <StatusMessage message={announcement} />
      {appointment.status === 'booked' && step === 'idle' && (
        <div className="row-actions">
          <Button variant="secondary" onClick={() => setStep('reschedule')}>
            {t('Reschedule')}
          </Button>
          <Button variant="danger" onClick={() => setStep('cancel')}>
            {t('Cancel appointment')}
          </Button>
        </div>
      )}
      {step === 'reschedule' && (
        <ReschedulePanel
          appointment={appointment}
          onMoved={(updated) =>
            finish(
              updated
                ? t('Your appointment was moved to {{time}}.', { time: formatDateTime(updated.startAt) })
                : t('Your appointment was moved.'),
              updated,
            )
          }
          onClose={() => setStep('idle')}
        />
      )}
      {step === 'cancel' && (
        <CancelPanel
          appointment={appointment}
          onCancelled={(updated) => finish(t('Your appointment was cancelled.'), updated)}
          onClose={() => setStep('idle')}
        />
      )}
    </section>
  );
}
