import type { Socket } from 'socket.io-client';
import type {
  AppointmentView,
  VideoCallView,
  VideoErrorAck,
  VideoJoinView,
  VideoRejoinView,
  VideoSignalView,
} from '@arogyam/contracts';
import { httpClient } from './http';
import { ask, socketPool } from './sockets';
import { registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { startPlatformAsAdmin, type Platform } from './platform';

const HOUR = 3_600_000;

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;
const pool = socketPool();

const connect = (person: Person): Promise<Socket> => pool.connect(platform.baseUrl, person.token);

/** The next `event` on the socket. */
const next = <T>(socket: Socket, event: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within 5 s`)), 5000);
    socket.once(event, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

/** The patient books the doctor's first free slot (video-service here lets calls start a day early). */
async function bookNextSlot(
  doctor: Person,
  patient: Person,
  mode: 'video' | 'chat',
): Promise<AppointmentView> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 6 * HOUR).toISOString();
  const slots = await call<{ slots: { startAt: string; available: boolean }[] }>(
    'GET',
    `/api/doctors/${doctor.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  const slot = slots.body.slots.find((s) => s.available);
  if (!slot) throw new Error('no free slot');
  const booked = await call<AppointmentView>('POST', '/api/appointments', {
    token: patient.token,
    body: { doctorId: doctor.id, startAt: slot.startAt, mode },
  });
  expect(booked.status).toBe(201);
  return booked.body;
}

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin({ AUTH_THROTTLE_IP_LIMIT: '1000' }));
}, 90000);

afterAll(async () => {
  pool.closeAll();
  await platform?.stop();
});

describe('video consultations over sockets', () => {
  it('doctor calls, patient accepts, offer/answer/ice relayed, end records the duration on the appointment', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Video Nair');
    const patient = await registerPatient(call, 'Video Patient');
    const stranger = await registerPatient(call, 'Not Invited');
    const appointment = await bookNextSlot(doctor, patient, 'video');
    const appointmentId = appointment.id;
    const [doctorSocket, patientSocket, strangerSocket] = await Promise.all([
      connect(doctor),
      connect(patient),
      connect(stranger),
    ]);

    expect(await ask<VideoErrorAck>(strangerSocket, 'rtc:join', { appointmentId })).toEqual({
      error: 'not_found',
      message: 'Appointment not found.',
    });
    expect(await ask<VideoErrorAck>(patientSocket, 'call:start', { appointmentId })).toMatchObject({
      error: 'forbidden',
    });
    expect(await ask<VideoErrorAck>(patientSocket, 'rtc:join', {})).toMatchObject({ error: 'bad_request' });

    const doctorJoin = await ask<VideoJoinView>(doctorSocket, 'rtc:join', { appointmentId });
    expect(doctorJoin).toMatchObject({ mode: 'p2p', iceServers: [], role: 'doctor', state: 'idle' });

    const ringing = next<VideoCallView>(patientSocket, 'call:ringing');
    expect(await ask<VideoCallView>(doctorSocket, 'call:start', { appointmentId })).toMatchObject({
      state: 'ringing',
    });
    expect(await ringing).toMatchObject({
      appointmentId,
      state: 'ringing',
      caller: { userId: doctor.id, fullName: 'Dr Video Nair' },
    });

    const patientJoin = await ask<VideoJoinView>(patientSocket, 'rtc:join', { appointmentId });
    expect(patientJoin).toMatchObject({
      mode: 'p2p',
      role: 'patient',
      state: 'ringing',
      peer: { userId: doctor.id, joined: true },
    });

    const accepted = next<VideoCallView>(doctorSocket, 'call:accepted');
    await ask(patientSocket, 'call:accept', { appointmentId });
    expect(await accepted).toMatchObject({ state: 'accepted', startedAt: expect.any(String) });

    const offer = next<VideoSignalView>(patientSocket, 'rtc:signal');
    expect(
      await ask(doctorSocket, 'rtc:signal', { appointmentId, signal: { type: 'offer', sdp: 'v=0 offer' } }),
    ).toEqual({
      relayed: true,
    });
    expect(await offer).toEqual({
      appointmentId,
      from: doctor.id,
      signal: { type: 'offer', sdp: 'v=0 offer' },
    });

    const answer = next<VideoSignalView>(doctorSocket, 'rtc:signal');
    await ask(patientSocket, 'rtc:signal', { appointmentId, signal: { type: 'answer', sdp: 'v=0 answer' } });
    expect((await answer).signal).toEqual({ type: 'answer', sdp: 'v=0 answer' });

    const ice = next<VideoSignalView>(patientSocket, 'rtc:signal');
    const candidate = {
      candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
      sdpMid: '0',
      sdpMLineIndex: 0,
    };
    await ask(doctorSocket, 'rtc:signal', { appointmentId, signal: { type: 'ice', candidate } });
    expect((await ice).signal).toEqual({ type: 'ice', candidate });

    // In consultation since the doctor rang.
    const during = await call<AppointmentView>('GET', `/api/appointments/${appointmentId}`, {
      token: patient.token,
    });
    expect(during.body.status).toBe('in_consultation');

    await new Promise((resolve) => setTimeout(resolve, 1100));
    const ended = next<VideoCallView>(patientSocket, 'call:ended');
    const endAck = await ask<VideoCallView>(doctorSocket, 'call:end', { appointmentId });
    expect(endAck).toMatchObject({ state: 'ended', durationSeconds: expect.any(Number) });
    expect(endAck.durationSeconds).toBeGreaterThanOrEqual(1);
    expect(await ended).toMatchObject({
      state: 'ended',
      by: doctor.id,
      durationSeconds: endAck.durationSeconds,
    });

    let stored: AppointmentView | undefined;
    for (let attempt = 0; attempt < 50 && !stored?.call; attempt++) {
      stored = (
        await call<AppointmentView>('GET', `/api/appointments/${appointmentId}`, { token: doctor.token })
      ).body;
      if (!stored.call) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(stored?.call).toEqual({
      startedAt: expect.any(String),
      endedAt: endAck.endedAt,
      durationSeconds: endAck.durationSeconds,
    });
  });

  it('a doctor whose connection drops mid-call rejoins the same call, and the patient is asked to rejoin', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Reload Rao');
    const patient = await registerPatient(call, 'Reload Patient');
    const { id: appointmentId } = await bookNextSlot(doctor, patient, 'video');
    const [doctorSocket, patientSocket] = await Promise.all([connect(doctor), connect(patient)]);
    await ask(doctorSocket, 'rtc:join', { appointmentId });
    await ask(patientSocket, 'rtc:join', { appointmentId });
    // The SFU's events answer, in p2p mode, that this call has no SFU media.
    expect(
      await ask<VideoErrorAck>(doctorSocket, 'rtc:transport', { appointmentId, direction: 'sideways' }),
    ).toMatchObject({ error: 'bad_request' });
    expect(
      await ask<VideoErrorAck>(doctorSocket, 'rtc:transport', { appointmentId, direction: 'send' }),
    ).toMatchObject({ error: 'conflict' });
    await ask(doctorSocket, 'call:start', { appointmentId });
    await ask(patientSocket, 'call:accept', { appointmentId });

    // The gateway tells video-service the doctor's only socket is gone.
    doctorSocket.disconnect();
    let peerJoined = true;
    for (let attempt = 0; attempt < 12 && peerJoined; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      peerJoined =
        (await ask<VideoJoinView>(patientSocket, 'rtc:join', { appointmentId })).peer?.joined ?? true;
    }
    expect(peerJoined).toBe(false);

    // Back within the grace period (a reload): the same call, and the patient builds a new connection.
    const rejoin = next<VideoRejoinView>(patientSocket, 'rtc:rejoin');
    const doctorAgain = await connect(doctor);
    expect(await ask<VideoJoinView>(doctorAgain, 'rtc:join', { appointmentId })).toMatchObject({
      state: 'accepted',
      peer: { userId: patient.id, joined: true },
    });
    expect(await rejoin).toEqual({ appointmentId, reason: 'peer_returned' });
    const offer = next<VideoSignalView>(patientSocket, 'rtc:signal');
    await ask(doctorAgain, 'rtc:signal', { appointmentId, signal: { type: 'offer', sdp: 'v=0 again' } });
    expect((await offer).signal).toEqual({ type: 'offer', sdp: 'v=0 again' });
    expect(await ask<VideoCallView>(doctorAgain, 'call:end', { appointmentId })).toMatchObject({
      state: 'ended',
    });
  });

  it('refuses a chat appointment with unprocessable', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Chat Only');
    const patient = await registerPatient(call, 'Chat Patient');
    const appointment = await bookNextSlot(doctor, patient, 'chat');
    const socket = await connect(doctor);
    expect(await ask<VideoErrorAck>(socket, 'call:start', { appointmentId: appointment.id })).toEqual({
      error: 'unprocessable',
      message: 'This appointment is a chat consultation, not a video one.',
    });
  });
});
