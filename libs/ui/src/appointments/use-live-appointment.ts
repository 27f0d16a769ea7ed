import { useState } from 'react';
import type { Appointment } from '../api/types';
import { useReconnected, useSocketEvent } from '../socket/socket-provider';
import { statusLabel } from './appointment-labels';
import { translate } from '../i18n/i18n';

/** The Socket.IO event the gateway pushes to an appointment's doctor and patient on every change. */
export const APPOINTMENT_UPDATED_EVENT = 'appointment:updated';

/**
 * Keeps a shown appointment (or list of them) current: `onPushed` gets each pushed change of any of
 * the viewer's appointments, `onMissed` runs after a reconnect, when pushes may have been lost.
 */
export function useAppointmentPushes(onPushed: (pushed: Appointment) => void, onMissed: () => void): void {
  useSocketEvent<Appointment>(APPOINTMENT_UPDATED_EVENT, onPushed);
  useReconnected(onMissed);
}

/**
 * One appointment's page: takes its pushed changes and says what changed in words, for a live
 * region (a status badge that changes silently is missed by screen-reader users).
 */
export function useLiveAppointment(
  id: string,
  current: Appointment | undefined,
  apply: (pushed: Appointment) => void,
  reload: () => void,
): string | undefined {
  const [announcement, setAnnouncement] = useState<string>();
  useAppointmentPushes((pushed) => {
    if (pushed.id !== id) return;
    if (current && pushed.status !== current.status) {
      setAnnouncement(
        translate('This appointment is now {{status}}.', {
          status: statusLabel(pushed.status).toLowerCase(),
        }),
      );
    }
    apply(pushed);
  }, reload);
  return announcement;
}
