/**
 * Every stored change of an appointment (booking, reschedule, cancellation, status) is published
 * after its write, as plain NATS (at most once), with the new AppointmentView on the realtime
 * subject of its doctor and of its patient; every gateway instance subscribes to the wildcard and
 * pushes it to that user's sockets as `appointment:updated`. A missed push is read on reload.
 */
export const appointmentRealtimeSubject = (userId: string): string => `rt.user.${userId}.appointment`;

export const APPOINTMENT_REALTIME_WILDCARD = 'rt.user.*.appointment';

/** The Socket.IO event the appointment's doctor and patient receive. */
export const APPOINTMENT_UPDATED_SOCKET_EVENT = 'appointment:updated';
