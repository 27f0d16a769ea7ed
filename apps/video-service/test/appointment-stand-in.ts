import { randomUUID } from 'node:crypto';
import { JSONCodec, type NatsConnection, type Subscription } from 'nats';
import { waitForLatestEvent } from '@arogyam/testing';
import type { RpcClient } from '@arogyam/messaging';
import {
  AppointmentSubjects,
  HTTP_ERROR_NAMES,
  VideoRealtimeSubjects,
  type Actor,
  type AppointmentMode,
  type AppointmentView,
  VideoEventTypes,
  type EventEnvelope,
  type VideoCallEndedPayload,
  type VideoCallUnansweredPayload,
  type VideoPush,
  type VideoWaitingChangedPayload,
} from '@arogyam/contracts';

const codec = JSONCodec<unknown>();
const MINUTE = 60_000;

/** A Nest request packet as it crosses NATS. */
export interface Packet {
  id: string;
  data: Record<string, unknown>;
}

/**
 * A stand-in for appointment-service on this file's private NATS (Nest packet format): it serves
 * the appointments the test defines and records set_status. video-service runs
 * for real; the end-to-end suite runs the real appointment-service.
 */
export function answerAppointments(nats: NatsConnection) {
  const appointments = new Map<string, AppointmentView>();
  const statusCalls: { actor: Actor; body: { appointmentId: string; status: string } }[] = [];
  const serve = (subject: string, answer: (data: Record<string, unknown>) => unknown): Subscription => {
    const subscription = nats.subscribe(subject, { queue: 'appointment-service' });
    void (async () => {
      for await (const message of subscription) {
        const packet = codec.decode(message.data) as Packet;
        const response = answer(packet.data);
        message.respond(
          codec.encode(
            response === undefined
              ? {
                  id: packet.id,
                  err: { statusCode: 404, error: HTTP_ERROR_NAMES[404], message: 'Appointment not found.' },
                  isDisposed: true,
                }
              : { id: packet.id, response, isDisposed: true },
          ),
        );
      }
    })();
    return subscription;
  };
  const subscriptions = [
    serve(AppointmentSubjects.get, (data) => appointments.get(data.appointmentId as string)),
    serve(AppointmentSubjects.setStatus, (data) => {
      const call = data as unknown as (typeof statusCalls)[number];
      statusCalls.push(call);
      const appointment = appointments.get(call.body.appointmentId);
      if (appointment) appointment.status = call.body.status as AppointmentView['status'];
      return appointment;
    }),
  ];
  /** A video appointment between them, starting `inMinutes` from now, 30 minutes long. */
  const book = (doctor: Actor, patient: Actor, inMinutes = 5, mode: AppointmentMode = 'video'): string => {
    const id = randomUUID();
    const startAt = new Date(Date.now() + inMinutes * MINUTE);
    appointments.set(id, {
      id,
      doctorId: doctor.userId,
      patientId: patient.userId,
      doctor: { id: doctor.userId, fullName: 'Dr Kavya Nair', specialization: 'General Medicine' },
      patient: { id: patient.userId, fullName: 'Ravi Kumar' },
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 30 * MINUTE).toISOString(),
      mode,
      status: 'booked',
      createdAt: new Date().toISOString(),
    });
    return id;
  };
  return {
    appointments,
    statusCalls,
    book,
    stop: () => subscriptions.forEach((s) => s.unsubscribe()),
  };
}

/** Everything pushed to a user on `rt.user.<id>.call`. */
export function pushesTo(nats: NatsConnection, userId: string): { received: VideoPush[]; stop(): void } {
  const received: VideoPush[] = [];
  const subscription = nats.subscribe(VideoRealtimeSubjects.of(userId), {
    callback: (_error, message) => received.push(codec.decode(message.data) as VideoPush),
  });
  return { received, stop: () => subscription.unsubscribe() };
}

export const person = (role: 'doctor' | 'patient'): Actor => ({ userId: randomUUID(), role });

/** video-service's subjects as the gateway sends them: `{actor, appointmentId, ...extra}`. */
export const sendAs =
  (rpc: () => RpcClient) =>
  <T>(subject: string, actor: Actor, appointmentId: string, extra: object = {}): Promise<T> =>
    rpc().send<T>(subject, { actor, appointmentId, ...extra });

/** The latest `evt.video.<type>` of this appointment. */
async function videoEvent<T extends { appointmentId: string }>(
  nats: NatsConnection,
  type: string,
  appointmentId: string,
): Promise<T> {
  const event = await waitForLatestEvent<EventEnvelope<string, T>>(
    nats,
    type,
    (e) => e.payload.appointmentId === appointmentId,
  );
  return event.payload;
}

/** The `evt.video.call_ended` of this appointment's call. */
export const callEnded = (nats: NatsConnection, appointmentId: string): Promise<VideoCallEndedPayload> =>
  videoEvent(nats, VideoEventTypes.callEnded, appointmentId);

/** The latest `evt.video.call_missed` or `call_declined` of this appointment. */
export const callUnanswered = (
  nats: NatsConnection,
  type: typeof VideoEventTypes.callMissed | typeof VideoEventTypes.callDeclined,
  appointmentId: string,
): Promise<VideoCallUnansweredPayload> => videoEvent(nats, type, appointmentId);

/** The latest `evt.video.waiting_changed` of this appointment. */
export const waitingChanged = (
  nats: NatsConnection,
  appointmentId: string,
): Promise<VideoWaitingChangedPayload> => videoEvent(nats, VideoEventTypes.waitingChanged, appointmentId);
