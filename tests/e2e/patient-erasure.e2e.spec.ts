import { createHmac, randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import type { NatsConnection } from 'nats';
import {
  HEALTH_RECORDS_BUCKET,
  UserEventTypes,
  chatRoomId,
  healthRecordObjectName,
  type AppointmentView,
  type AuditEntryView,
  type Page,
  type PaymentView,
  type PrescriptionView,
} from '@arogyam/contracts';
import { EventPublisher, createEvent, type BusPrincipalName } from '@arogyam/messaging';
import { connectAs, eventConsumersCaughtUp, waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { CONSENT, PASSWORDS, bookFirstFreeSlot, verifiedDoctorWithHours, type Person } from './people';
import { E2E_PAYMENT_SANDBOX_SECRET, signInAdmin, startPlatform, type Platform } from './platform';

/**
 * A patient deletes their account (issue 13, data rights): afterwards their name, email and phone
 * are in no collection of any service and in no log, while the doctor's notes and prescription
 * stay, naming a "Deleted patient"; the account cannot sign in, and the audit trail records it.
 */

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let admin: Person;
let doctor: Person;
let mongo: MongoClient;
let nats: NatsConnection;

const RUN = Math.random().toString(36).slice(2, 8);
/** Unusual on purpose: any appearance of these anywhere is the patient's. */
const FIRST_NAME = `Zenobia${RUN}`;
const FULL_NAME = `${FIRST_NAME} Quartermaine`;
const EMAIL = `zenobia.${RUN}@e2e.test`;
const PHONE = `+91 98${String(Math.floor(10000000 + Math.random() * 89999999))}`;
const PASSWORD = 'patient-pass-1';
const NEEDLES = [FULL_NAME, FIRST_NAME, EMAIL, PHONE];

const NOTES = {
  subjective: 'Sore throat for four days',
  objective: 'Inflamed tonsils, no exudate',
  assessment: 'Viral pharyngitis',
  plan: 'Warm saline gargles, review if fever',
};

const DOCTOR_REPLY = 'Please gargle with warm salt water.';
const DRUG = 'Paracetamol 500 mg';

/** The services whose durable consumers take `user.erased`. */
const ERASING_SERVICES: BusPrincipalName[] = [
  'patient',
  'doctor',
  'appointment',
  'chat',
  'prescription',
  'notification',
  'audit',
];

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  call = httpClient(platform.baseUrl);
  admin = await signInAdmin(call);
  doctor = await verifiedDoctorWithHours(call, admin.token, 'Dr Ilango Varadarajan');
  mongo = await MongoClient.connect(platform.infra.mongoUrl);
  nats = await connectAs(platform.infra);
}, 90000);

afterAll(async () => {
  await nats?.close();
  await mongo?.close();
  await platform?.stop();
});

/** Every place (database.collection _id) where a needle appears, in any case. */
async function wherePersonalDataIs(): Promise<string[]> {
  const found: string[] = [];
  const needles = NEEDLES.map((needle) => needle.toLowerCase());
  for (const database of Object.values(platform.databases)) {
    const db = mongo.db(database);
    for (const { name } of await db.listCollections().toArray()) {
      for (const document of await db.collection(name).find().toArray()) {
        const text = JSON.stringify(document).toLowerCase();
        for (const needle of needles)
          if (text.includes(needle)) found.push(`${database}.${name} ${String(document._id)}: ${needle}`);
      }
    }
  }
  return found;
}

/** The lines of every service's and the gateway's output that hold one of `needles`, in any case. */
function logLinesWith(needles: string[]): string[] {
  const lowered = needles.map((needle) => needle.toLowerCase());
  return [...platform.processes.values()].flatMap((app) =>
    app
      .output()
      .split('\n')
      .filter((line) => lowered.some((needle) => line.toLowerCase().includes(needle)))
      .map((line) => `${app.name}: ${line}`),
  );
}

const logLinesWithPersonalData = (): string[] => logLinesWith(NEEDLES);

/** The sessions' tokens this spec was given: no log may hold one. */
const tokensSeen: string[] = [];

/** Every consumer of the services that take `user.erased` has answered every event so far. */
async function consumersCaughtUp(): Promise<boolean> {
  for (const service of ERASING_SERVICES) if (!(await eventConsumersCaughtUp(nats, service))) return false;
  return true;
}

async function recordFileIsStored(recordId: string): Promise<boolean> {
  const store = await nats.jetstream().views.os(HEALTH_RECORDS_BUCKET);
  const info = await store.info(healthRecordObjectName(recordId));
  return Boolean(info && !info.deleted);
}

async function pay(patient: Person, appointmentId: string): Promise<PaymentView> {
  const created = await call<PaymentView>('POST', `/api/appointments/${appointmentId}/payment`, {
    token: patient.token,
  });
  expect(created.status).toBe(201);
  const raw = `{"id":"evt_${randomUUID()}","event":"payment.captured","orderId":"${created.body.checkout?.orderId ?? ''}","paymentId":"pay_${randomUUID()}"}`;
  const signature = createHmac('sha256', E2E_PAYMENT_SANDBOX_SECRET).update(raw).digest('hex');
  const paid = await call('POST', '/api/payments/webhooks/sandbox', {
    raw,
    headers: { 'x-sandbox-signature': signature },
  });
  expect(paid.status).toBe(200);
  return created.body;
}

async function moveTo(appointmentId: string, ...statuses: string[]): Promise<void> {
  for (const status of statuses) {
    const moved = await call('POST', `/api/appointments/${appointmentId}/status`, {
      token: doctor.token,
      body: { status },
    });
    expect([moved.status, moved.body.status]).toEqual([200, status]);
  }
}

/** A patient with everything a patient can leave behind: profile, records, visits, chat, payment, review. */
async function patientWithAHistory() {
  const registered = await call<{ user: { id: string }; accessToken: string; refreshToken: string }>(
    'POST',
    '/api/patients/register',
    {
      body: { ...CONSENT, email: EMAIL, password: PASSWORD, fullName: FULL_NAME, dateOfBirth: '1990-04-12' },
    },
  );
  expect(registered.status).toBe(201);
  const patient: Person = { id: registered.body.user.id, token: registered.body.accessToken };
  tokensSeen.push(registered.body.accessToken, registered.body.refreshToken, doctor.token);
  const own = { token: patient.token };
  expect((await call('PATCH', '/api/patients/me', { ...own, body: { phone: PHONE } })).status).toBe(200);
  const medical = await call('PUT', '/api/patients/me/medical-profile', {
    ...own,
    body: { allergies: [{ substance: 'Penicillin', reaction: `Rash (${FIRST_NAME} says)` }] },
  });
  expect(medical.status).toBe(200);
  const form = new FormData();
  form.append('title', `${FIRST_NAME} blood test`);
  form.append('kind', 'lab_report');
  form.append('file', new Blob([Buffer.from('%PDF-1.7\n% CBC\n')], { type: 'application/pdf' }), 'cbc.pdf');
  const uploaded = await fetch(`${platform.baseUrl}/api/patients/me/health-records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${patient.token}` },
    body: form,
  });
  expect(uploaded.status).toBe(201);
  const recordId = String(((await uploaded.json()) as { id: string }).id);

  // A visit, paid, that the doctor completes with notes and a prescription; the patient's reason,
  // chat message and review are their own words (and hold their phone and name).
  const visit = await bookFirstFreeSlot(call, doctor, patient, 'chat', `Call me on ${PHONE}`);
  const payment = await pay(patient, visit.id);
  const roomId = chatRoomId(doctor.id, patient.id);
  await waitFor(
    async () => (await call('GET', `/api/chat/rooms/${roomId}`, own)).status === 200,
    20000,
    'the chat room',
  );
  const sent = await call('POST', `/api/chat/rooms/${roomId}/messages`, {
    ...own,
    body: { body: `This is ${FULL_NAME}, my number is ${PHONE}` },
  });
  expect(sent.status).toBe(201);
  const reply = await call('POST', `/api/chat/rooms/${roomId}/messages`, {
    token: doctor.token,
    body: { body: DOCTOR_REPLY },
  });
  expect(reply.status).toBe(201);
  await moveTo(visit.id, 'checked_in', 'in_consultation');
  const notes = await call('PUT', `/api/appointments/${visit.id}/notes`, {
    token: doctor.token,
    body: { ...NOTES, sharedWithPatient: true },
  });
  expect(notes.status).toBe(200);
  const prescription = await call<{ id: string }>('POST', '/api/prescriptions', {
    token: doctor.token,
    body: {
      appointmentId: visit.id,
      items: [{ drug: DRUG, dose: '1 tablet', frequency: 'thrice daily', durationDays: 3 }],
    },
  });
  expect(prescription.status).toBe(201);
  await moveTo(visit.id, 'completed');
  const review = await call('POST', `/api/appointments/${visit.id}/review`, {
    ...own,
    body: { rating: 5, comment: `Thank you from ${FULL_NAME}` },
  });
  expect(review.status).toBe(201);

  // And one visit still ahead, which the deletion cancels.
  const upcoming = await bookFirstFreeSlot(call, doctor, patient, 'video', 'Follow-up');
  return { patient, recordId, visit, payment, roomId, prescriptionId: prescription.body.id, upcoming };
}

describe('a patient deletes their account', () => {
  it('erases their personal data everywhere and keeps the doctor’s notes and prescription', async () => {
    const history = await patientWithAHistory();
    const { patient } = history;
    const erase = (token: string, body?: unknown) => call('DELETE', '/api/users/me', { token, body });
    // Before the deletion the patient is everywhere (so the scan below can see them).
    expect((await wherePersonalDataIs()).length).toBeGreaterThan(5);
    expect(await recordFileIsStored(history.recordId)).toBe(true);

    // Refusals change nothing: no password, a wrong one, a doctor's account, a visit in progress.
    expect((await erase(patient.token, {})).status).toBe(400);
    const wrong = await erase(patient.token, { password: 'not-my-password' });
    expect([wrong.status, wrong.body.code]).toEqual([403, 'wrong_password']);
    const asDoctor = await erase(doctor.token, { password: 'doctor-pass-1' });
    expect([asDoctor.status, asDoctor.body.code]).toEqual([409, 'ask_an_admin']);
    await moveTo(history.upcoming.id, 'checked_in');
    const during = await erase(patient.token, { password: PASSWORD });
    expect([during.status, during.body.code]).toEqual([409, 'visit_in_progress']);
    const profile = await call('GET', '/api/patients/me', { token: patient.token });
    expect(profile.body).toMatchObject({ fullName: FULL_NAME, phone: PHONE });
    const stillBooked = await call<AppointmentView>('GET', `/api/appointments/${history.upcoming.id}`, {
      token: patient.token,
    });
    expect(stillBooked.body.status).toBe('checked_in');
    // The doctor had checked them in by mistake: the visit is cancelled back to the patient's hands.
    await moveTo(history.upcoming.id, 'no_show');
    const next = await bookFirstFreeSlot(call, doctor, patient, 'video');

    const erased = await erase(patient.token, { password: PASSWORD });
    expect(erased.status).toBe(204);

    // Signed out at once, and never signed in again.
    expect((await call('GET', '/api/patients/me', { token: patient.token })).status).toBe(401);
    const login = await call('POST', '/api/patients/login', { body: { email: EMAIL, password: PASSWORD } });
    expect(login.status).toBe(401);

    // Once every consumer has answered, nothing personal is left in any database or log.
    await waitFor(consumersCaughtUp, 30000, 'the erasure consumers');
    expect(await wherePersonalDataIs()).toEqual([]);
    expect(logLinesWithPersonalData()).toEqual([]);

    // The doctor keeps the record of the visit: notes, prescription, appointment, without a name.
    const notes = await call('GET', `/api/appointments/${history.visit.id}/notes`, { token: doctor.token });
    expect([notes.status, notes.body]).toEqual([200, expect.objectContaining(NOTES)]);
    const prescription = await call<PrescriptionView>('GET', `/api/prescriptions/${history.prescriptionId}`, {
      token: doctor.token,
    });
    expect(prescription.status).toBe(200);
    expect(prescription.body.patient).toEqual({ id: patient.id, fullName: 'Deleted patient' });
    const visit = await call<AppointmentView>('GET', `/api/appointments/${history.visit.id}`, {
      token: doctor.token,
    });
    expect(visit.body).toMatchObject({ status: 'completed', patient: { fullName: 'Deleted patient' } });
    expect(visit.body.reason).toBeUndefined();
    // The booking still ahead was cancelled by the patient, as any cancellation.
    const cancelled = await call<AppointmentView>('GET', `/api/appointments/${next.id}`, {
      token: doctor.token,
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledBy: 'patient' });
    // The payment is kept for the accounts, without anything personal (the scan above).
    const payment = await call<PaymentView>('GET', `/api/admin/payments/${history.payment.id}`, {
      token: admin.token,
    });
    expect(payment.body).toMatchObject({ status: 'paid', patientId: patient.id });
    // The health record's file is gone from the object store.
    expect(await recordFileIsStored(history.recordId)).toBe(false);

    // The trail says so, with ids only.
    const trail = await call<Page<AuditEntryView>>(
      'GET',
      `/api/admin/audit?patientId=${patient.id}&kind=patient_account&limit=10`,
      { token: admin.token },
    );
    expect(trail.body.items).toEqual([
      expect.objectContaining({
        chain: 'user',
        actorId: patient.id,
        patientId: patient.id,
        kind: 'patient_account',
        resourceId: patient.id,
        action: 'delete',
        outcome: 'allowed',
      }),
    ]);

    // A redelivered erasure finds nothing left to do and fails nowhere.
    const failuresBefore = failureLines().length;
    await new EventPublisher(nats).publish(
      createEvent(UserEventTypes.erased, {
        userId: patient.id,
        role: 'patient',
        erasedAt: new Date().toISOString(),
      }),
    );
    await waitFor(consumersCaughtUp, 30000, 'the repeated erasure');
    expect(failureLines().length).toBe(failuresBefore);
    expect(await wherePersonalDataIs()).toEqual([]);
    const notesAgain = await call('GET', `/api/appointments/${history.visit.id}/notes`, {
      token: doctor.token,
    });
    expect(notesAgain.body).toMatchObject(NOTES);
    const erasedAgain = await erase(patient.token, { password: PASSWORD });
    expect(erasedAgain.status).toBe(401);
  });
});

describe('the logs of the whole history', () => {
  it('hold no password, no token and nothing the patient or the doctor wrote', () => {
    expect(tokensSeen.length).toBeGreaterThanOrEqual(3);
    // The output read is every app's since its start (each printed its ready line).
    expect(logLinesWith(['ready']).length).toBeGreaterThanOrEqual(platform.processes.size);
    expect(
      logLinesWith([
        PASSWORD,
        PASSWORDS.doctor,
        ...tokensSeen,
        ...Object.values(NOTES),
        DOCTOR_REPLY,
        DRUG,
        'Penicillin',
      ]),
    ).toEqual([]);
  });
});

/** Consumers' failures (retries and given-up events) in any service's output. */
function failureLines(): string[] {
  return [...platform.processes.values()].flatMap((app) =>
    app
      .output()
      .split('\n')
      .filter((line) => /Handling .* failed|Gave up on/.test(line)),
  );
}
