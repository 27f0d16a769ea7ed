import {
  Button,
  FormError,
  useAction,
  type Appointment,
  type AppointmentStatus,
  type AppointmentStatusChange,
  type ButtonVariant,
} from '@arogyam/ui';
import { useState } from 'react';
import { api } from '../session';

interface StatusAction {
  status: AppointmentStatusChange;
  label: string;
  variant: ButtonVariant;
}

const CHECK_IN: StatusAction = { status: 'checked_in', label: 'Check in', variant: 'primary' };
const START: StatusAction = { status: 'in_consultation', label: 'Start consultation', variant: 'primary' };
const COMPLETE: StatusAction = { status: 'completed', label: 'Complete', variant: 'primary' };
const NO_SHOW: StatusAction = { status: 'no_show', label: 'No-show', variant: 'quiet' };

/** The obvious next steps from each status; the server still decides whether a move is allowed. */
const NEXT_ACTIONS: Record<AppointmentStatus, readonly StatusAction[]> = {
  booked: [CHECK_IN, NO_SHOW],
  checked_in: [START, NO_SHOW],
  in_consultation: [COMPLETE],
  completed: [],
  cancelled: [],
  no_show: [],
};

interface StatusActionsProps {
  appointment: Appointment;
  /** The server's answer (the appointment in its new status), or undefined to load it again. */
  onChanged(updated?: Appointment): void;
}

/** Buttons that move an appointment along; a 409 (someone moved it meanwhile) shows why and reloads. */
export function StatusActions({ appointment, onChanged }: StatusActionsProps) {
  const action = useAction();
  const [pending, setPending] = useState<AppointmentStatusChange>();
  const actions = NEXT_ACTIONS[appointment.status] ?? [];

  const change = async (status: AppointmentStatusChange) => {
    setPending(status);
    const path = `/appointments/${encodeURIComponent(appointment.id)}/status`;
    const failure = await action.run(async () => onChanged(await api.post<Appointment>(path, { status })));
    if (failure?.statusCode === 409) onChanged();
  };

  if (actions.length === 0 && !action.error) return null;
  return (
    <div className="status-actions">
      <FormError message={action.error?.message} />
      {actions.length > 0 && (
        <div className="row-actions" role="group" aria-label={`Actions for ${appointment.patient.fullName}`}>
          {actions.map(({ status, label, variant }) => (
            <Button
              key={status}
              variant={variant}
              busy={action.busy && pending === status}
              disabled={action.busy}
              onClick={() => change(status)}
            >
              {label}
            </Button>
          ))}
        </div>
      )}
    </div>
  );
}
