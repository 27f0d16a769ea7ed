import { randomUUID } from 'node:crypto';
import { JSONCodec, StringCodec } from 'nats';
import {
  VIDEO_ROOMS_BUCKET,
  VideoEventTypes,
  VideoSubjects,
  healthSubject,
  type Actor,
  type AppointmentMode,
  type VideoCallView,
  type VideoJoinView,
  type VideoStatusView,
  type VideoWaitingView,
  type VideoWindowView,
} from '@arogyam/contracts';
import { createServiceApp, loadConfig } from '@arogyam/service-kit';
import {
  natsEnv,
  rpcFailure,
  startServiceUnderTest,
  videoMediaEnv,
  waitFor,
  type ServiceUnderTest,
} from '@arogyam/testing';
import { VideoServiceConfig } from '../src/config/video-service.config';
import { CallRooms } from '../src/rooms/call-rooms.service';
import { RoomDirectory, natsToken } from '../src/rooms/room-directory';
import { videoService } from '../src/video-service';
import {
  answerAppointments,
  callEnded,
  callUnanswered,
  person,
  pushesTo,
  sendAs,
  waitingChanged,
  type Packet,
} from './appointment-stand-in';

const codec = JSONCodec<unknown>();

describe('video-service (peer-to-peer: VIDEO_MEDIA=p2p)', () => {
  let service: ServiceUnderTest;
  let appointments: ReturnType<typeof answerAppointments>;

  const appointment = (doctor: Actor, patient: Actor, inMinutes = 5, mode: AppointmentMode = 'video') =>
    appointments.book(doctor, patient, inMinutes, mode);

  const send = sendAs(() => service.rpc);
  const kvOwner = async (appointmentId: string): Promise<string | undefined> => {
    const kv = await service.nats.jetstream().views.kv(VIDEO_ROOMS_BUCKET);
    const entry = await kv.get(natsToken(appointmentId));
    return entry && entry.operation === 'PUT' ? StringCodec().decode(entry.value) : undefined;
  };

  beforeAll(async () => {
    // p2p by configuration, whether or not this machine has a worker.
    service = await startServiceUnderTest(videoService, {
      ...videoMediaEnv('p2p'),
      VIDEO_ICE_SERVERS: '[]',
      MEDIASOUP_WORKERS: '1',
      INSTANCE_ID: 'video-int-1',
      VIDEO_REJOIN_GRACE_SECONDS: '1',
      // Short, for the missed-call test; every other test answers a ring at once.
      VIDEO_RING_TIMEOUT_SECONDS: '5',
    });
    appointments = answerAppointments(service.nats);
  });

  afterAll(async () => {
    appointments?.stop();
    await service?.stop();
  });

  it('runs in p2p mode when configured so, and says so in its status and health', async () => {
    const status = await service.rpc.send<VideoStatusView>(VideoSubjects.status, {});
    expect(status).toMatchObject({ mode: 'p2p', workers: 0, instance: 'video-int-1' });
    expect(status.reason).toBe('VIDEO_MEDIA=p2p');
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
    expect(early).toMatchObject({ statusCode: 403, code: 'call_not_open' });
    expect(early.message).toBe('The call opens 10 minutes before the appointment starts.');

    const past = appointment(doctor, patient, -120);
    expect(await rpcFailure(send(VideoSubjects.join, patient, past))).toMatchObject({
      statusCode: 403,
      code: 'call_window_closed',
      message: 'The call window closed 30 minutes after the appointment ended.',
    });

    const cancelled = appointment(doctor, patient);
    appointments.appointments.get(cancelled)!.status = 'cancelled';
    expect(await rpcFailure(send(VideoSubjects.join, patient, cancelled))).toMatchObject({ statusCode: 409 });
  });

  it('runs a call: start rings the patient, accept, signals both ways, end with a duration and a record event', async () => {
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
      expect(await callEnded(service.nats, id)).toEqual({
        callId: started.callId,
        appointmentId: id,
        doctorId: doctor.userId,
        patientId: patient.userId,
        mode: 'p2p',
        ringingAt: expect.any(String),
        startedAt: accepted.startedAt,
        endedAt: ended.endedAt,
        durationSeconds: ended.durationSeconds,
        endedBy: patient.userId,
        outcome: 'completed',
        joined: ['doctor', 'patient'],
      });
      // The room is gone with the call.
      expect(await kvOwner(id)).toBeUndefined();
      expect(await rpcFailure(send(VideoSubjects.end, doctor, id))).toMatchObject({ statusCode: 409 });
    } finally {
      toPatient.stop();
      toDoctor.stop();
    }
  });

  it('a declined call tells the doctor and publishes call_declined', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const toDoctor = pushesTo(service.nats, doctor.userId);
    try {
      const started = await send<VideoCallView>(VideoSubjects.start, doctor, id);
      expect(await send<VideoCallView>(VideoSubjects.decline, patient, id)).toMatchObject({
        state: 'declined',
      });
      await waitFor(() => toDoctor.received.some((p) => p.event === 'call:declined'), 5000, 'call:declined');
      expect(await callUnanswered(service.nats, VideoEventTypes.callDeclined, id)).toMatchObject({
        callId: started.callId,
        doctorId: doctor.userId,
        patientId: patient.userId,
      });
      expect(await kvOwner(id)).toBeUndefined();
    } finally {
      toDoctor.stop();
    }
  });

  it('a patient who joins before the call waits: the doctor hears who and since when, and admits by ringing', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const toDoctor = pushesTo(service.nats, doctor.userId);
    try {
      const join = await send<VideoJoinView>(VideoSubjects.join, patient, id, { socketId: 'waiting-tab' });
      expect(join.state).toBe('idle');
      await waitFor(() => toDoctor.received.some((p) => p.event === 'call:waiting'), 5000, 'call:waiting');
      const waiting = toDoctor.received.find((p) => p.event === 'call:waiting')?.data as VideoWaitingView;
      expect(waiting).toEqual({
        appointmentId: id,
        patient: { userId: patient.userId, fullName: 'Ravi Kumar' },
        waiting: true,
        since: expect.any(String),
      });
      expect(await waitingChanged(service.nats, id)).toEqual({
        appointmentId: id,
        doctorId: doctor.userId,
        patientId: patient.userId,
        waiting: true,
        since: waiting.since,
      });
      // Joining again (a second tab, a reconnect) keeps the first arrival time.
      await send(VideoSubjects.join, patient, id, { socketId: 'waiting-tab-2' });

      // Admit: the doctor rings; the waiting page answers; the patient is no longer waiting.
      await send(VideoSubjects.join, doctor, id, { socketId: 'doctor-tab' });
      await send(VideoSubjects.start, doctor, id);
      await send(VideoSubjects.accept, patient, id);
      await waitFor(
        () => toDoctor.received.filter((p) => p.event === 'call:waiting').length === 2,
        5000,
        'call:waiting (admitted)',
      );
      expect(toDoctor.received.filter((p) => p.event === 'call:waiting').map((p) => p.data)).toEqual([
        waiting,
        { appointmentId: id, patient: waiting.patient, waiting: false },
      ]);
      await waitFor(
        async () => (await waitingChanged(service.nats, id)).waiting === false,
        5000,
        'waiting_changed false',
      );

      // During the call the doctor hears when the patient's connection drops and comes back.
      await send(VideoSubjects.disconnect, patient, id, { socketId: 'waiting-tab' });
      await send(VideoSubjects.disconnect, patient, id, { socketId: 'waiting-tab-2' });
      await send(VideoSubjects.join, patient, id, { socketId: 'reloaded-tab' });
      await waitFor(
        () => toDoctor.received.filter((p) => p.event === 'rtc:peer').length === 2,
        5000,
        'rtc:peer',
      );
      expect(toDoctor.received.filter((p) => p.event === 'rtc:peer').map((p) => p.data)).toEqual([
        { appointmentId: id, userId: patient.userId, present: false },
        { appointmentId: id, userId: patient.userId, present: true },
      ]);
      await send(VideoSubjects.end, doctor, id);
    } finally {
      toDoctor.stop();
    }
  });

  it('a ring nobody answers is missed after VIDEO_RING_TIMEOUT_SECONDS; the patient may still join and be admitted', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const toDoctor = pushesTo(service.nats, doctor.userId);
    const toPatient = pushesTo(service.nats, patient.userId);
    try {
      expect(await service.rpc.send<VideoWindowView>(VideoSubjects.window, {})).toEqual({
        joinEarlyMinutes: 10,
        joinLateMinutes: 30,
        ringTimeoutSeconds: 5,
      });
      await send(VideoSubjects.join, doctor, id, { socketId: 'doctor-tab' });
      const rangAt = Date.now();
      const started = await send<VideoCallView>(VideoSubjects.start, doctor, id);
      await waitFor(() => toPatient.received.some((p) => p.event === 'call:missed'), 9000, 'call:missed');
      expect(Date.now() - rangAt).toBeGreaterThanOrEqual(4500);
      const missed = toPatient.received.find((p) => p.event === 'call:missed')?.data;
      expect(missed).toMatchObject({ appointmentId: id, callId: started.callId, state: 'missed' });
      await waitFor(
        () => toDoctor.received.some((p) => p.event === 'call:missed'),
        5000,
        'doctor call:missed',
      );
      expect(await callUnanswered(service.nats, VideoEventTypes.callMissed, id)).toMatchObject({
        callId: started.callId,
        appointmentId: id,
      });
      expect(await rpcFailure(send(VideoSubjects.accept, patient, id))).toMatchObject({ statusCode: 409 });

      // Late, the patient joins: they wait, the doctor admits, a new call connects.
      const late = await send<VideoJoinView>(VideoSubjects.join, patient, id, { socketId: 'late-tab' });
      expect(late.state).toBe('idle');
      await waitFor(() => toDoctor.received.some((p) => p.event === 'call:waiting'), 5000, 'call:waiting');
      const again = await send<VideoCallView>(VideoSubjects.start, doctor, id);
      expect(again.callId).not.toBe(started.callId);
      expect(await send<VideoCallView>(VideoSubjects.accept, patient, id)).toMatchObject({
        state: 'accepted',
      });
      // The answered call's ring timer is off: nothing is missed later.
      await new Promise((resolve) => setTimeout(resolve, 5500));
      expect(toPatient.received.filter((p) => p.event === 'call:missed')).toHaveLength(1);
      await send(VideoSubjects.end, patient, id);
      expect(await callEnded(service.nats, id)).toMatchObject({ callId: again.callId, outcome: 'completed' });
    } finally {
      toDoctor.stop();
      toPatient.stop();
    }
  }, 30000);

  it('a ring ended before anyone answers is missed when the doctor ends it, declined when the patient does', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const started = await send<VideoCallView>(VideoSubjects.start, doctor, id);
    await send(VideoSubjects.end, doctor, id);
    expect(await callUnanswered(service.nats, VideoEventTypes.callMissed, id)).toMatchObject({
      callId: started.callId,
    });
    const again = await send<VideoCallView>(VideoSubjects.start, doctor, id);
    await send(VideoSubjects.end, patient, id);
    expect(await callUnanswered(service.nats, VideoEventTypes.callDeclined, id)).toMatchObject({
      callId: again.callId,
    });
  });

  it('a participant leaves with their last socket; a call they drop from ends after the grace period, recorded', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const toPatient = pushesTo(service.nats, patient.userId);
    try {
      await send(VideoSubjects.join, doctor, id, { socketId: 'doctor-tab-1' });
      await send(VideoSubjects.join, doctor, id, { socketId: 'doctor-tab-2' });
      await send(VideoSubjects.join, patient, id, { socketId: 'patient-tab' });
      await send(VideoSubjects.start, doctor, id);
      const accepted = await send<VideoCallView>(VideoSubjects.accept, patient, id);

      // One of two tabs closed: the doctor is still there.
      expect(await send(VideoSubjects.disconnect, doctor, id, { socketId: 'doctor-tab-1' })).toEqual({
        appointmentId: id,
        left: false,
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const droppedAt = Date.now();
      expect(await send(VideoSubjects.disconnect, doctor, id, { socketId: 'doctor-tab-2' })).toEqual({
        appointmentId: id,
        left: true,
      });
      expect(
        (await send<VideoJoinView>(VideoSubjects.join, patient, id, { socketId: 'patient-tab' })).peer,
      ).toMatchObject({ joined: false });

      await waitFor(() => toPatient.received.some((p) => p.event === 'call:ended'), 5000, 'call:ended');
      const ended = toPatient.received.find((p) => p.event === 'call:ended')?.data as VideoCallView;
      expect(Date.now() - droppedAt).toBeGreaterThanOrEqual(900);
      // Ended as of the drop, by the one who went.
      expect(ended).toMatchObject({ state: 'ended', by: doctor.userId, startedAt: accepted.startedAt });
      expect(Math.abs(Date.parse(ended.endedAt!) - droppedAt)).toBeLessThan(250);
      expect(await callEnded(service.nats, id)).toMatchObject({
        endedAt: ended.endedAt,
        durationSeconds: ended.durationSeconds,
        endedBy: doctor.userId,
        outcome: 'dropped',
      });
      expect(await kvOwner(id)).toBeUndefined();
    } finally {
      toPatient.stop();
    }
  });

  it('a doctor who reloads mid-call joins the same call again, and the patient is asked to rejoin', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const toPatient = pushesTo(service.nats, patient.userId);
    try {
      await send(VideoSubjects.join, doctor, id, { socketId: 'before-reload' });
      await send(VideoSubjects.join, patient, id, { socketId: 'patient-tab' });
      await send(VideoSubjects.start, doctor, id);
      await send(VideoSubjects.accept, patient, id);

      await send(VideoSubjects.disconnect, doctor, id, { socketId: 'before-reload' });
      const rejoined = await send<VideoJoinView>(VideoSubjects.join, doctor, id, {
        socketId: 'after-reload',
      });
      expect(rejoined).toMatchObject({ state: 'accepted', peer: { userId: patient.userId, joined: true } });
      await waitFor(() => toPatient.received.some((p) => p.event === 'rtc:rejoin'), 5000, 'rtc:rejoin');
      expect(toPatient.received.find((p) => p.event === 'rtc:rejoin')?.data).toEqual({
        appointmentId: id,
        reason: 'peer_returned',
      });

      // Past the grace period the call goes on: the doctor came back in time.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(toPatient.received.some((p) => p.event === 'call:ended')).toBe(false);
      await send(VideoSubjects.relay, doctor, id, { signal: { type: 'offer', sdp: 'v=0 again' } });
      expect(await send<VideoCallView>(VideoSubjects.end, doctor, id)).toMatchObject({ state: 'ended' });
    } finally {
      toPatient.stop();
    }
  });

  it('a reloaded page that joins before its old socket is gone also asks the patient to rejoin, once', async () => {
    const [doctor, patient] = [person('doctor'), person('patient')];
    const id = appointment(doctor, patient);
    const toPatient = pushesTo(service.nats, patient.userId);
    const toDoctor = pushesTo(service.nats, doctor.userId);
    try {
      await send(VideoSubjects.join, doctor, id, { socketId: 'old-page' });
      await send(VideoSubjects.join, patient, id, { socketId: 'patient-tab' });
      await send(VideoSubjects.start, doctor, id);
      await send(VideoSubjects.accept, patient, id);

      // The new page's join overtakes the gateway's word that the old page's socket went.
      await send(VideoSubjects.join, doctor, id, { socketId: 'new-page' });
      await waitFor(() => toPatient.received.some((p) => p.event === 'rtc:rejoin'), 5000, 'rtc:rejoin');
      await send(VideoSubjects.disconnect, doctor, id, { socketId: 'old-page' });

      // The patient rejoins from the socket it joined with: nobody is asked to rejoin again.
      await send(VideoSubjects.join, patient, id, { socketId: 'patient-tab' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(toPatient.received.filter((p) => p.event === 'rtc:rejoin')).toHaveLength(1);
      expect(toDoctor.received.some((p) => p.event === 'rtc:rejoin')).toBe(false);
      expect(await send<VideoCallView>(VideoSubjects.end, doctor, id)).toMatchObject({ state: 'ended' });
    } finally {
      toPatient.stop();
      toDoctor.stop();
    }
  });

  it('two directories racing for one room: exactly one claims it, the other is told who holds it', async () => {
    const directory = (instance: string) =>
      new RoomDirectory(
        service.nats,
        Object.assign(new VideoServiceConfig(), { INSTANCE_ID: instance, VIDEO_ROOM_TTL_SECONDS: 60 }),
      );
    const [east, west] = [directory('video-east'), directory('video-west')];
    for (let round = 0; round < 20; round++) {
      const id = randomUUID();
      const [a, b] = await Promise.all([east.claim(id), west.claim(id)]);
      expect(a).toBe(b);
      expect(['video-east', 'video-west']).toContain(a);
      expect(await kvOwner(id)).toBe(a);
      const [winner, loser] = a === 'video-east' ? [east, west] : [west, east];
      // Only the holder refreshes it; the loser's release leaves it alone.
      expect(await winner.keepAlive(id)).toBe(true);
      expect(await loser.keepAlive(id)).toBe(false);
      await loser.release(id);
      expect(await kvOwner(id)).toBe(a);
      await winner.release(id);
      expect(await kvOwner(id)).toBeUndefined();
    }
  });

  it('two instances joined at once for one room: one hosts it, the other routes its join there', async () => {
    const second = await createServiceApp(
      videoService,
      loadConfig(VideoServiceConfig, {
        ...process.env,
        ...natsEnv(service.infra, 'video'),
        MONGO_URL: service.infra.mongoUrl,
        LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
        ...videoMediaEnv('p2p'),
        VIDEO_ICE_SERVERS: '[]',
        MEDIASOUP_WORKERS: '1',
        INSTANCE_ID: 'video-int-2',
      }),
    );
    await second.listen();
    const instances = [service.app, second];
    const roomsOn = () => instances.map((app) => app.get(CallRooms).status().rooms);
    try {
      for (let round = 0; round < 10; round++) {
        const [doctor, patient] = [person('doctor'), person('patient')];
        const id = appointment(doctor, patient);
        // Straight to each instance, so both claim the room at the same moment.
        const before = roomsOn();
        const [doctorJoin, patientJoin] = await Promise.all([
          service.rpc.send<VideoJoinView>('video.instance.video-int-1.join', {
            actor: doctor,
            appointmentId: id,
          }),
          service.rpc.send<VideoJoinView>('video.instance.video-int-2.join', {
            actor: patient,
            appointmentId: id,
          }),
        ]);
        expect([doctorJoin.role, patientJoin.role]).toEqual(['doctor', 'patient']);
        // One room: whoever joined second saw the other there.
        expect(doctorJoin.peer?.joined || patientJoin.peer?.joined).toBe(true);
        const owner = await kvOwner(id);
        expect(['video-int-1', 'video-int-2']).toContain(owner);
        // Exactly one new room, on the instance the directory names.
        const added = roomsOn().map((count, n) => count - before[n]);
        expect(added).toEqual(owner === 'video-int-1' ? [1, 0] : [0, 1]);
        await send(VideoSubjects.leave, doctor, id);
        await send(VideoSubjects.leave, patient, id);
        expect(await kvOwner(id)).toBeUndefined();
      }
    } finally {
      await second.close();
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
