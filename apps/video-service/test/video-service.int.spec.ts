import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { workerBin } from 'mediasoup';
import { JSONCodec, StringCodec, type NatsConnection, type Subscription } from 'nats';
import {
  AppointmentSubjects,
  HTTP_ERROR_NAMES,
  VIDEO_ROOMS_BUCKET,
  VideoEventTypes,
  VideoRealtimeSubjects,
  VideoSubjects,
  healthSubject,
  type Actor,
  type AppointmentMode,
  type AppointmentView,
  type VideoCallEndedEvent,
  type VideoCallView,
  type VideoJoinView,
  type VideoPush,
  type VideoStatusView,
} from '@arogyam/contracts';
import {
  rpcFailure,
  startServiceUnderTest,
  waitFor,
  waitForLatestEvent,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { natsToken } from '../src/rooms/room-directory';
import { videoService } from '../src/video-service';

const codec = JSONCodec<unknown>();
const MINUTE = 60_000;

interface Packet {
  id: string;
  data: Record<string, unknown>;
}

/**
 * A stand-in for appointment-service on this file's private NATS (Nest packet format): it serves
 * the appointments the test defines and records set_status and record_call. video-service runs
 * for real; the end-to-end suite runs the real appointment-service.
 */
function answerAppointments(nats: NatsConnection) {
  const appointments = new Map<string, AppointmentView>();
  const statusCalls: { actor: Actor; body: { appointmentId: string; status: string } }[] = [];
  const recorded: Record<string, unknown>[] = [];
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
    serve(AppointmentSubjects.recordCall, (data) => {
      recorded.push(data);
      return appointments.get(data.appointmentId as string);
    }),
  ];
  return {
    appointments,
    statusCalls,
    recorded,
    stop: () => subscriptions.forEach((s) => s.unsubscribe()),
  };
}

/** Everything pushed to a user on `rt.user.<id>.call`. */
function pushesTo(nats: NatsConnection, userId: string): { received: VideoPush[]; stop(): void } {
  const received: VideoPush[] = [];
  const subscription = nats.subscribe(VideoRealtimeSubjects.of(userId), {
    callback: (_error, message) => received.push(codec.decode(message.data) as VideoPush),
  });
  return { received, stop: () => subscription.unsubscribe() };
}

describe('video-service (no mediasoup worker: p2p)', () => {
  let service: ServiceUnderTest;
  let appointments: ReturnType<typeof answerAppointments>;

  const person = (role: 'doctor' | 'patient'): Actor => ({ userId: randomUUID(), role });

  /** A video appointment between them, starting `inMinutes` from now, 30 minutes long. */
  const appointment = (
    doctor: Actor,
    patient: Actor,
    inMinutes = 5,
    mode: AppointmentMode = 'video',
  ): string => {
    const id = randomUUID();
    const startAt = new Date(Date.now() + inMinutes * MINUTE);
    appointments.appointments.set(id, {
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

  const send = <T>(subject: string, actor: Actor, appointmentId: string, extra: object = {}): Promise<T> =>
    service.rpc.send<T>(subject, { actor, appointmentId, ...extra });
  const kvOwner = async (appointmentId: string): Promise<string | undefined> => {
    const kv = await service.nats.jetstream().views.kv(VIDEO_ROOMS_BUCKET);
    const entry = await kv.get(natsToken(appointmentId));
    return entry && entry.operation === 'PUT' ? StringCodec().decode(entry.value) : undefined;
  };

  beforeAll(async () => {
    service = await startServiceUnderTest(videoService, {
      VIDEO_ICE_SERVERS: '[]',
      MEDIASOUP_WORKERS: '1',
      INSTANCE_ID: 'video-int-1',
    });
    appointments = answerAppointments(service.nats);
  });

  afterAll(async () => {
    appointments?.stop();
    await service?.stop();
  });

  it('runs in p2p mode without a worker binary, and says so in its status and health', async () => {
    const status = await service.rpc.send<VideoStatusView>(VideoSubjects.status, {});
    expect(status).toMatchObject({ mode: 'p2p', workers: 0, instance: 'video-int-1' });
    expect(status.reason).toEqual(expect.any(String));
    const health = await service.rpc.send(healthSubject('video'), {});
    expect(health).toMatchObject({ service: 'video', status: 'up', checks: { media: 'up' } });
  });

  it('answers a join with p2p, the configured (empty) ICE servers, the role and the peer', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);

    const doctorJoin = await send<VideoJoinView>(VideoSubjects.join, doctor, id);
    expect(doctorJoin).toEqual({
      appointmentId: id,
      mode: 'p2p',
      iceServers: [],
      role: 'doctor',
      state: 'idle',
      peer: { userId: patient.userId, role: 'patient', fullName: 'Ravi Kumar', joined: false },
    });
    const patientJoin = await send<VideoJoinView>(VideoSubjects.join, patient, id);
    expect(patientJoin.peer).toMatchObject({ userId: doctor.userId, role: 'doctor', joined: true });
  });

  it('writes the room to the KV directory and removes it when the room empties', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);

    await send(VideoSubjects.join, doctor, id);
    await send(VideoSubjects.join, patient, id);
    expect(await kvOwner(id)).toBe('video-int-1');

    await send(VideoSubjects.leave, doctor, id);
    expect(await kvOwner(id)).toBe('video-int-1');
    await send(VideoSubjects.leave, patient, id);
    expect(await kvOwner(id)).toBeUndefined();
  });

  it('refuses others (404), a chat appointment (422) and joins outside the window (403)', async () => {
    const [doctor, patient, stranger] = [person('doctor'), person('patient'), person('patient')];
    const id = appointment(doctor, patient);
    expect(await rpcFailure(send(VideoSubjects.join, stranger, id))).toMatchObject({
      statusCode: 404,
      message: 'Appointment not found.',
    });
    expect(
      await rpcFailure(send(VideoSubjects.join, { userId: patient.userId, role: 'doctor' }, id)),
    ).toMatchObject({
      statusCode: 404,
    });
    expect(await rpcFailure(send(VideoSubjects.start, doctor, randomUUID()))).toMatchObject({
      statusCode: 404,
    });

    const chat = appointment(doctor, patient, 5, 'chat');
    expect(await rpcFailure(send(VideoSubjects.join, patient, chat))).toMatchObject({
      statusCode: 422,
      message: 'This appointment is a chat consultation, not a video one.',
    });

    const tomorrow = appointment(doctor, patient, 24 * 60);
    const early = await rpcFailure(send(VideoSubjects.start, doctor, tomorrow));
    expect(early).toMatchObject({ statusCode: 403 });
    expect(early.message).toMatch(/^The call opens 10 minutes before the appointment/);

    const past = appointment(doctor, patient, -120);
    expect(await rpcFailure(send(VideoSubjects.join, patient, past))).toMatchObject({
      statusCode: 403,
      message: expect.stringMatching(/^The call window closed 30 minutes after the appointment/),
    });

    const cancelled = appointment(doctor, patient);
    appointments.appointments.get(cancelled)!.status = 'cancelled';
    expect(await rpcFailure(send(VideoSubjects.join, patient, cancelled))).toMatchObject({ statusCode: 409 });
  });

  it('runs a call: start rings the patient, accept, signals both ways, end with a duration recorded', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const toPatient = pushesTo(service.nats, patient.userId);
    const toDoctor = pushesTo(service.nats, doctor.userId);
    try {
      expect(await rpcFailure(send(VideoSubjects.start, patient, id))).toMatchObject({ statusCode: 403 });
      expect(await rpcFailure(send(VideoSubjects.accept, patient, id))).toMatchObject({ statusCode: 409 });

      const started = await send<VideoCallView>(VideoSubjects.start, doctor, id);
      expect(started).toMatchObject({ appointmentId: id, state: 'ringing', by: doctor.userId });
      await waitFor(() => toPatient.received.length > 0, 5000, 'call:ringing');
      expect(toPatient.received[0]).toEqual({
        event: 'call:ringing',
        data: expect.objectContaining({
          appointmentId: id,
          state: 'ringing',
          caller: { userId: doctor.userId, fullName: 'Dr Kavya Nair' },
        }),
      });
      // As the doctor: booked → checked_in → in_consultation.
      expect(appointments.statusCalls.filter((c) => c.body.appointmentId === id)).toEqual([
        { actor: doctor, body: { appointmentId: id, status: 'checked_in' } },
        { actor: doctor, body: { appointmentId: id, status: 'in_consultation' } },
      ]);
      expect(await kvOwner(id)).toBe('video-int-1');

      // No signals before the call is accepted.
      expect(
        await rpcFailure(send(VideoSubjects.relay, doctor, id, { signal: { type: 'offer', sdp: 'v=0' } })),
      ).toMatchObject({ statusCode: 409 });

      const accepted = await send<VideoCallView>(VideoSubjects.accept, patient, id);
      expect(accepted).toMatchObject({ state: 'accepted', startedAt: expect.any(String) });
      await waitFor(() => toDoctor.received.some((p) => p.event === 'call:accepted'), 5000, 'call:accepted');

      await send(VideoSubjects.relay, doctor, id, { signal: { type: 'offer', sdp: 'v=0 offer' } });
      await send(VideoSubjects.relay, patient, id, { signal: { type: 'answer', sdp: 'v=0 answer' } });
      await send(VideoSubjects.relay, patient, id, {
        signal: {
          type: 'ice',
          candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0' },
        },
      });
      expect(
        await rpcFailure(send(VideoSubjects.relay, patient, id, { signal: { type: 'bogus' } })),
      ).toMatchObject({ statusCode: 400 });
      await waitFor(
        () => toDoctor.received.filter((p) => p.event === 'rtc:signal').length === 2,
        5000,
        'signals',
      );
      expect(toPatient.received.filter((p) => p.event === 'rtc:signal')).toEqual([
        {
          event: 'rtc:signal',
          data: { appointmentId: id, from: doctor.userId, signal: { type: 'offer', sdp: 'v=0 offer' } },
        },
      ]);
      expect(
        toDoctor.received
          .filter((p) => p.event === 'rtc:signal')
          .map((p) => (p.data as { signal: { type: string } }).signal.type),
      ).toEqual(['answer', 'ice']);

      await new Promise((resolve) => setTimeout(resolve, 1100));
      const ended = await send<VideoCallView>(VideoSubjects.end, patient, id);
      expect(ended).toMatchObject({ state: 'ended', by: patient.userId });
      expect(ended.durationSeconds).toBeGreaterThanOrEqual(1);
      await waitFor(() => toDoctor.received.some((p) => p.event === 'call:ended'), 5000, 'call:ended');
      expect(toDoctor.received.find((p) => p.event === 'call:ended')?.data).toMatchObject({
        durationSeconds: ended.durationSeconds,
      });
      await waitFor(() => appointments.recorded.some((r) => r.appointmentId === id), 5000, 'record_call');
      expect(appointments.recorded.find((r) => r.appointmentId === id)).toEqual({
        appointmentId: id,
        startedAt: accepted.startedAt,
        endedAt: ended.endedAt,
        durationSeconds: ended.durationSeconds,
      });
      const event = await waitForLatestEvent<VideoCallEndedEvent>(
        service.nats,
        VideoEventTypes.callEnded,
        (e) => e.payload.appointmentId === id,
      );
      expect(event.payload).toMatchObject({
        mode: 'p2p',
        durationSeconds: ended.durationSeconds,
        endedBy: patient.userId,
      });
      // The room is gone with the call.
      expect(await kvOwner(id)).toBeUndefined();
      expect(await rpcFailure(send(VideoSubjects.end, doctor, id))).toMatchObject({ statusCode: 409 });
    } finally {
      toPatient.stop();
      toDoctor.stop();
    }
  });

  it('a declined call tells the doctor and records nothing', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const toDoctor = pushesTo(service.nats, doctor.userId);
    try {
      await send(VideoSubjects.start, doctor, id);
      expect(await send<VideoCallView>(VideoSubjects.decline, patient, id)).toMatchObject({
        state: 'declined',
      });
      await waitFor(() => toDoctor.received.some((p) => p.event === 'call:declined'), 5000, 'call:declined');
      expect(appointments.recorded.some((r) => r.appointmentId === id)).toBe(false);
      expect(await kvOwner(id)).toBeUndefined();
    } finally {
      toDoctor.stop();
    }
  });

  it('forwards a room message to the live instance hosting the room, and takes over a stale entry', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const hosted = appointment(doctor, patient);
    const kv = await service.nats.jetstream().views.kv(VIDEO_ROOMS_BUCKET);
    await kv.put(natsToken(hosted), StringCodec().encode('video-other'));
    const other = service.nats.subscribe('video.instance.video-other.join', {
      callback: (_error, message) => {
        const packet = codec.decode(message.data) as Packet;
        message.respond(
          codec.encode({
            id: packet.id,
            response: { forwardedTo: 'video-other', ...packet.data },
            isDisposed: true,
          }),
        );
      },
    });
    try {
      expect(await send(VideoSubjects.join, patient, hosted)).toEqual({
        forwardedTo: 'video-other',
        actor: patient,
        appointmentId: hosted,
      });
    } finally {
      other.unsubscribe();
    }

    const stale = appointment(doctor, patient);
    await kv.put(natsToken(stale), StringCodec().encode('video-gone'));
    expect(await send<VideoJoinView>(VideoSubjects.join, patient, stale)).toMatchObject({
      mode: 'p2p',
      role: 'patient',
    });
    expect(await kvOwner(stale)).toBe('video-int-1');
  });
});

/** Where a worker binary exists (MEDIASOUP_WORKER_BIN or a built package), the SFU path runs too. */
const workerBinary = process.env.MEDIASOUP_WORKER_BIN ?? workerBin;
const sfuAvailable = existsSync(workerBinary);
if (!sfuAvailable) {
  console.warn(
    `video-service SFU tests skipped: no mediasoup worker at ${workerBinary} ` +
      '(set MEDIASOUP_WORKER_BIN or run `npm rebuild mediasoup` with scripts enabled).',
  );
}
const describeSfu = sfuAvailable ? describe : describe.skip;

describeSfu('video-service (mediasoup worker: sfu)', () => {
  let service: ServiceUnderTest;
  let appointments: ReturnType<typeof answerAppointments>;

  beforeAll(async () => {
    service = await startServiceUnderTest(videoService, {
      VIDEO_ICE_SERVERS: '[]',
      MEDIASOUP_WORKERS: '1',
      INSTANCE_ID: 'video-int-sfu',
      ...(process.env.MEDIASOUP_WORKER_BIN ? { MEDIASOUP_WORKER_BIN: process.env.MEDIASOUP_WORKER_BIN } : {}),
    });
    appointments = answerAppointments(service.nats);
  });

  afterAll(async () => {
    appointments?.stop();
    await service?.stop();
  });

  it('starts its workers and answers a join with sfu and the router RTP capabilities', async () => {
    expect(await service.rpc.send<VideoStatusView>(VideoSubjects.status, {})).toMatchObject({
      mode: 'sfu',
      workers: 1,
    });
    const doctor: Actor = { userId: randomUUID(), role: 'doctor' };
    const patient: Actor = { userId: randomUUID(), role: 'patient' };
    const id = randomUUID();
    const startAt = new Date(Date.now() + 5 * MINUTE);
    appointments.appointments.set(id, {
      id,
      doctorId: doctor.userId,
      patientId: patient.userId,
      doctor: { id: doctor.userId, fullName: 'Dr A', specialization: 'General Medicine' },
      patient: { id: patient.userId, fullName: 'P B' },
      startAt: startAt.toISOString(),
      endAt: new Date(startAt.getTime() + 30 * MINUTE).toISOString(),
      mode: 'video',
      status: 'booked',
      createdAt: new Date().toISOString(),
    });
    const join = await service.rpc.send<VideoJoinView>(VideoSubjects.join, {
      actor: doctor,
      appointmentId: id,
    });
    expect(join.mode).toBe('sfu');
    expect(join.routerRtpCapabilities).toMatchObject({
      codecs: expect.arrayContaining([expect.objectContaining({ mimeType: 'audio/opus' })]),
    });
  });
});
