import { randomUUID } from 'node:crypto';
import { waitFor } from '@arogyam/testing';
import { httpClient, type HttpAnswer } from './http';
import { CONSENT, verifiedDoctorWithHours, type Person } from './people';
import { startPlatformAsAdmin, type Platform } from './platform';

/**
 * A bad day: during a scripted consultation (register, book, pay, chat, notes, prescription,
 * complete), one service at a time is killed with SIGKILL and started again (as `npm start`'s
 * supervisor or Kubernetes would) while the workload runs. Every request must end in success or a
 * 503 (the service is not there; retrying is safe because nothing happened), no event may be lost
 * or applied twice, and the final state must be exactly what the workload did.
 */

const KILLED_IN_TURN = [
  'user-service',
  'patient-service',
  'doctor-service',
  'appointment-service',
  'payment-service',
  'chat-service',
  'notification-service',
  'prescription-service',
] as const;

/** How long a killed service stays down before it is started again. */
const DOWN_MS = 1500;

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;
let doctor: Person;

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin());
  doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Chaos Chandra');
}, 90000);

afterAll(async () => {
  await platform?.stop();
});

/** Answers other than success or 503, which the platform must never give under this workload. */
const violations: string[] = [];
let unavailable = 0;

/** Sends until it succeeds, accepting only 503 on the way (the killed service is not back yet). */
async function until<T>(what: string, send: () => Promise<HttpAnswer<T>>): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const answer = await send();
    if (answer.status >= 200 && answer.status < 300) return answer.body;
    if (answer.status !== 503) violations.push(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
    if (answer.status !== 503 || Date.now() > deadline)
      throw new Error(`${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    unavailable += 1;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

interface Visit {
  patient: Person;
  appointmentId: string;
  message: string;
  plan: string;
}

/** One patient's whole visit, each step retried through the outage. */
async function consultation(round: number): Promise<Visit> {
  const patient = await until('register', async () => {
    const answer = await call<{ user: { id: string }; accessToken: string }>(
      'POST',
      '/api/patients/register',
      {
        body: {
          ...CONSENT,
          email: `chaos-${round}-${randomUUID().slice(0, 6)}@e2e.test`,
          password: 'patient-pass-1',
          fullName: `Chaos Patient ${round}`,
        },
      },
    );
    return answer;
  }).then((body) => ({ id: body.user.id, token: body.accessToken }));
  // A slot of its own per round: consecutive half hours, a day ahead (payable, not yet due).
  const startAt = new Date(
    Math.ceil(Date.now() / 1_800_000) * 1_800_000 + 24 * 3_600_000 + round * 1_800_000,
  ).toISOString();
  const booked = await until('book', () =>
    call<{ id: string }>('POST', '/api/appointments', {
      token: patient.token,
      body: { doctorId: doctor.id, startAt, mode: 'video' },
    }),
  );
  const payment = await until('start payment', () =>
    call<{ id: string }>('POST', `/api/appointments/${booked.id}/payment`, { token: patient.token }),
  );
  await until('pay', () =>
    call('POST', `/api/payments/${payment.id}/sandbox-checkout`, {
      token: patient.token,
      body: { outcome: 'paid' },
    }),
  );
  // The room comes from the booking's event: it exists once chat-service consumed it.
  const roomId = `${doctor.id}:${patient.id}`;
  await waitFor(
    async () => (await call('GET', `/api/chat/rooms/${roomId}`, { token: patient.token })).status === 200,
    60_000,
    `round ${round}'s chat room`,
  );
  const message = `Round ${round}: is fasting needed?`;
  const clientId = randomUUID();
  await until('chat', () =>
    call('POST', `/api/chat/rooms/${roomId}/messages`, {
      token: patient.token,
      body: { body: message, clientId },
    }),
  );
  for (const status of ['checked_in', 'in_consultation']) {
    await until(status, () =>
      call('POST', `/api/appointments/${booked.id}/status`, { token: doctor.token, body: { status } }),
    );
  }
  const plan = `Round ${round}: rest and fluids`;
  await until('notes', () =>
    call('PUT', `/api/appointments/${booked.id}/notes`, {
      token: doctor.token,
      body: { subjective: 'fever', objective: '38.2 C', assessment: 'viral', plan, sharedWithPatient: true },
    }),
  );
  await until('prescription', () =>
    call('POST', '/api/prescriptions', {
      token: doctor.token,
      body: {
        appointmentId: booked.id,
        items: [{ drug: 'Paracetamol 500 mg', dose: '1 tablet', frequency: 'thrice daily', durationDays: 3 }],
      },
    }),
  );
  await until('complete', () =>
    call('POST', `/api/appointments/${booked.id}/status`, {
      token: doctor.token,
      body: { status: 'completed' },
    }),
  );
  return { patient, appointmentId: booked.id, message, plan };
}

/**
 * Until the health check finds the killed service gone: NATS drops a dead client's subscriptions
 * when it reads the closed socket, and a request racing that moment is lost in the dead process
 * (a 504, rightly: the gateway cannot know whether it was done). The workload starts after it.
 */
async function goneFromTheBus(name: string): Promise<void> {
  const key = name.replace('-service', '');
  await waitFor(
    async () => {
      const health = await call<{ services: Record<string, string> }>('GET', '/api/health');
      return health.body.services?.[key] !== 'up';
    },
    10_000,
    `${name} gone`,
  );
}

/** Starts the service again after DOWN_MS; answers how long it took to answer again (ms). */
async function restartLater(name: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, DOWN_MS));
  const started = Date.now();
  await platform.startService(name);
  const key = name.replace('-service', '');
  await waitFor(
    async () => {
      const health = await call<{ services: Record<string, string> }>('GET', '/api/health');
      return health.body.services?.[key] === 'up';
    },
    30_000,
    `${name} back`,
  );
  return Date.now() - started;
}

it('each service killed in turn during a consultation comes back; nothing is lost or doubled', async () => {
  const visits: Visit[] = [];
  const cameBack: Record<string, number> = {};
  for (const [round, name] of KILLED_IN_TURN.entries()) {
    await platform.processes.get(name)!.kill();
    await goneFromTheBus(name);
    const [visit, ms] = await Promise.all([consultation(round), restartLater(name)]);
    visits.push(visit);
    cameBack[name] = ms;
  }
  console.log(
    [
      'Chaos: each service killed with SIGKILL, started again after 1.5 s:',
      ...Object.entries(cameBack).map(([name, ms]) => `  ${name}: answering again ${ms} ms after its start`),
      `  ${unavailable} answers were 503 while a service was down; ${violations.length} answers were anything else`,
    ].join('\n'),
  );
  expect(violations).toEqual([]);

  // The final state is exactly what the workload did, once each, including the events' effects.
  for (const visit of visits) {
    const { patient, appointmentId } = visit;
    const mine = await call<{ items: { id: string; status: string }[] }>('GET', '/api/appointments', {
      token: patient.token,
    });
    expect(mine.body.items.map((item) => [item.id, item.status])).toEqual([[appointmentId, 'completed']]);
    const paid = await call<{ status: string }>('GET', `/api/appointments/${appointmentId}/payment`, {
      token: patient.token,
    });
    expect(paid.body.status).toBe('paid');
    const notes = await call<{ plan: string }>('GET', `/api/appointments/${appointmentId}/notes`, {
      token: patient.token,
    });
    expect(notes.body.plan).toBe(visit.plan);
    const prescriptions = await call<{ total: number }>(
      'GET',
      `/api/prescriptions?appointmentId=${appointmentId}`,
      {
        token: patient.token,
      },
    );
    expect(prescriptions.body.total).toBe(1);
    const messages = await call<{ items: { body: string }[] }>(
      'GET',
      `/api/chat/rooms/${doctor.id}:${patient.id}/messages`,
      { token: patient.token },
    );
    expect(messages.body.items.map((item) => item.body)).toEqual([visit.message]);
    // The booking's and the prescription's notices, each exactly once, however late consumed.
    const inbox = async () =>
      (
        await call<{ items: { kind: string; data: Record<string, string> }[] }>(
          'GET',
          '/api/notifications?limit=50',
          {
            token: patient.token,
          },
        )
      ).body.items;
    await waitFor(
      async () => (await inbox()).filter((item) => item.kind === 'prescription').length === 1,
      30_000,
      'the prescription notice',
    );
    const notices = await inbox();
    expect(
      notices.filter((item) => item.kind === 'appointment' && item.data.appointmentId === appointmentId),
    ).toHaveLength(1);
    expect(notices.filter((item) => item.kind === 'prescription')).toHaveLength(1);
  }
}, 420_000);
