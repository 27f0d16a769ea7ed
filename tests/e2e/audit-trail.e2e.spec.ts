import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MongoClient, type Collection } from 'mongodb';
import type { AuditEntryView, Page, RecordAccessView } from '@arogyam/contracts';
import { BUS_ADMIN_USER } from '@arogyam/messaging';
import { natsEnv, waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import { bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { signInAdmin, startPlatform, type Platform } from './platform';

/**
 * The audit trail (audit-service): every read or change of clinical data, allowed or refused, is
 * one entry, with no clinical text; the chain shows an edited or removed entry; and nothing is lost
 * while audit-service is down.
 */

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let admin: Person;
let mongo: MongoClient;
let trail: Collection;

/** The clinical texts of the session: none may appear in any entry. */
const REASON = 'Persistent dry cough at night';
const NOTES = {
  subjective: 'Wheezing after climbing stairs',
  objective: 'Scattered rhonchi bilaterally',
  assessment: 'Reactive airway disease',
  plan: 'Salbutamol inhaler as needed',
};
const DRUG = 'Salbutamol 100 mcg inhaler';
const RECORD_TITLE = 'Spirometry March';
const CHAT_TEXT = 'The inhaler makes my hands shake';
const MEDICAL_PROFILE = {
  allergies: [{ substance: 'Cotrimoxazole', reaction: 'Swollen lips after the tablet' }],
  chronicConditions: ['Chronic kidney disease stage 2'],
  currentMedicines: [{ name: 'Telmisartan', dose: '40 mg once daily' }],
};
const CLINICAL_TEXTS = [
  REASON,
  ...Object.values(NOTES),
  DRUG,
  RECORD_TITLE,
  CHAT_TEXT,
  'Cotrimoxazole',
  'Swollen lips',
  'kidney disease',
  'Telmisartan',
];

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_000, 7)]);

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  call = httpClient(platform.baseUrl);
  admin = await signInAdmin(call);
  mongo = await MongoClient.connect(platform.infra.mongoUrl);
  trail = mongo.db(platform.databases['audit-service']).collection('auditEvents');
}, 90000);

afterAll(async () => {
  await mongo?.close();
  await platform?.stop();
});

/** The doctor's first free slot, booked for chat (so the pair has a room), with a reason if given. */
const book = (doctor: Person, patient: Person, reason?: string) =>
  bookFirstFreeSlot(call, doctor, patient, 'chat', reason);

async function upload(patient: Person): Promise<string> {
  const form = new FormData();
  form.append('title', RECORD_TITLE);
  form.append('kind', 'lab_report');
  form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'spirometry.pdf');
  const response = await fetch(`${platform.baseUrl}/api/patients/me/health-records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${patient.token}` },
    body: form,
  });
  expect(response.status).toBe(201);
  return String(((await response.json()) as { id: string }).id);
}

async function get(person: Person, path: string): Promise<number> {
  const response = await fetch(`${platform.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${person.token}` },
  });
  await response.arrayBuffer();
  return response.status;
}

/** An appointment taken into consultation, with notes and a prescription by its doctor. */
async function consultation(doctor: Person, appointmentId: string, sharedWithPatient: boolean) {
  for (const status of ['checked_in', 'in_consultation']) {
    const moved = await call('POST', `/api/appointments/${appointmentId}/status`, {
      token: doctor.token,
      body: { status },
    });
    expect(moved.status).toBe(200);
  }
  const notes = await call('PUT', `/api/appointments/${appointmentId}/notes`, {
    token: doctor.token,
    body: { ...NOTES, sharedWithPatient },
  });
  expect(notes.status).toBe(200);
  const prescription = await call<{ id: string }>('POST', '/api/prescriptions', {
    token: doctor.token,
    body: {
      appointmentId,
      items: [{ drug: DRUG, dose: '2 puffs', frequency: 'as needed', durationDays: 30 }],
    },
  });
  expect(prescription.status).toBe(201);
  return prescription.body.id;
}

/** The trail of a patient as admins search it (every page). */
async function trailOf(patientId: string): Promise<AuditEntryView[]> {
  const answer = await call<Page<AuditEntryView>>(
    'GET',
    `/api/admin/audit?patientId=${encodeURIComponent(patientId)}&limit=100`,
    { token: admin.token },
  );
  expect(answer.status).toBe(200);
  return answer.body.items;
}

type Expected = [
  actor: Person,
  patient: Person,
  kind: string,
  resourceId: string,
  action: string,
  outcome: string,
];

const line = (entry: AuditEntryView): string =>
  [entry.actorId, entry.patientId ?? '', entry.kind, entry.resourceId, entry.action, entry.outcome].join(' ');
const expectedLine = ([actor, patient, kind, resourceId, action, outcome]: Expected): string =>
  [actor.id, patient.id, kind, resourceId, action, outcome].join(' ');

/** `npm run audit:verify` against this platform's NATS. */
function verifyCommand(): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(__dirname, '..', '..', 'scripts', 'audit-verify.mjs')], {
    // As an operator runs it: the admin user of the generated NATS config.
    env: { ...process.env, ...natsEnv(platform.infra, BUS_ADMIN_USER) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('the audit trail', () => {
  it('a scripted session of patients A/B, doctors X/Y and an admin gives exactly the expected entries, with no clinical text', async () => {
    const [drX, drY] = [
      await verifiedDoctorWithHours(call, admin.token, 'Dr Xavier Audit'),
      await verifiedDoctorWithHours(call, admin.token, 'Dr Yamini Audit'),
    ];
    const [patientA, patientB] = [
      await registerPatient(call, 'Anita Audit'),
      await registerPatient(call, 'Bharat Audit'),
    ];
    const appointment = await book(drX, patientA, REASON);
    const appt = appointment.id;
    await book(drY, patientB);
    const roomId = `${drX.id}:${patientA.id}`;
    const expected: Expected[] = [[patientA, patientA, 'appointment_reason', appt, 'create', 'allowed']];

    // The appointment's reason: its doctor reads it; another doctor is refused; an admin's day list reads it.
    expect(await get(drX, `/api/appointments/${appt}`)).toBe(200);
    expect(await get(drY, `/api/appointments/${appt}`)).toBe(404);
    const day = appointment.startAt.slice(0, 10);
    expect(await get(admin, `/api/admin/appointments?date=${day}`)).toBe(200);
    expected.push(
      [drX, patientA, 'appointment_reason', appt, 'read', 'allowed'],
      [drY, patientA, 'appointment_reason', appt, 'read', 'denied'],
      [admin, patientA, 'appointment_reason', appt, 'read', 'allowed'],
    );

    // Notes, a prescription: written by X; the unshared notes refused to A, then read once shared.
    const rx = await consultation(drX, appt, false);
    expect(await get(patientA, `/api/appointments/${appt}/notes`)).toBe(404);
    const shared = await call('PUT', `/api/appointments/${appt}/notes`, {
      token: drX.token,
      body: { ...NOTES, sharedWithPatient: true },
    });
    expect(shared.status).toBe(200);
    expect(await get(patientA, `/api/appointments/${appt}/notes`)).toBe(200);
    expect(await get(drY, `/api/appointments/${appt}/notes`)).toBe(404);
    // The gateway refuses an admin by role before any service looks at the notes: not an entry.
    expect(await get(admin, `/api/appointments/${appt}/notes`)).toBe(403);
    expected.push(
      [drX, patientA, 'clinical_note', appt, 'create', 'allowed'],
      [drX, patientA, 'prescription', rx, 'create', 'allowed'],
      [patientA, patientA, 'clinical_note', appt, 'read', 'denied'],
      [drX, patientA, 'clinical_note', appt, 'update', 'allowed'],
      [patientA, patientA, 'clinical_note', appt, 'read', 'allowed'],
      [drY, patientA, 'clinical_note', appt, 'read', 'denied'],
    );

    // The prescription: A lists hers, X downloads the PDF, B is refused.
    expect(await get(patientA, '/api/prescriptions')).toBe(200);
    expect(await get(drX, `/api/prescriptions/${rx}/pdf`)).toBe(200);
    expect(await get(patientB, `/api/prescriptions/${rx}`)).toBe(404);
    expect(await get(patientB, '/api/prescriptions')).toBe(200); // none of hers: nothing read
    expected.push(
      [patientA, patientA, 'prescription', rx, 'read', 'allowed'],
      [drX, patientA, 'prescription_pdf', rx, 'read', 'allowed'],
      [patientB, patientA, 'prescription', rx, 'read', 'denied'],
    );

    // A health record: A uploads it, X lists and opens it through the appointment, Y is refused.
    const record = await upload(patientA);
    expect(await get(drX, `/api/appointments/${appt}/health-records`)).toBe(200);
    expect(await get(drX, `/api/appointments/${appt}/health-records/${record}/file`)).toBe(200);
    expect(await get(drY, `/api/appointments/${appt}/health-records/${record}/file`)).toBe(404);
    expected.push(
      [patientA, patientA, 'health_record', record, 'create', 'allowed'],
      [drX, patientA, 'health_record', record, 'read', 'allowed'],
      [drX, patientA, 'health_record_file', record, 'read', 'allowed'],
      [drY, patientA, 'health_record_file', record, 'read', 'denied'],
    );

    // The medical profile: A keeps hers; the appointment's doctor reads it (and her age and
    // gender); another doctor is refused through the appointment, which names no patient.
    const kept = await call('PUT', '/api/patients/me/medical-profile', {
      token: patientA.token,
      body: MEDICAL_PROFILE,
    });
    expect(kept.status).toBe(200);
    expect(await get(patientA, '/api/patients/me/medical-profile')).toBe(200);
    expect(await get(drX, `/api/appointments/${appt}/patient`)).toBe(200);
    expect(await get(drX, `/api/appointments/${appt}/medical-profile`)).toBe(200);
    expect(await get(drY, `/api/appointments/${appt}/medical-profile`)).toBe(404);
    expected.push(
      [patientA, patientA, 'medical_profile', patientA.id, 'update', 'allowed'],
      [patientA, patientA, 'medical_profile', patientA.id, 'read', 'allowed'],
      [drX, patientA, 'medical_profile', patientA.id, 'read', 'allowed'],
      [drX, patientA, 'medical_profile', patientA.id, 'read', 'allowed'],
    );

    // Chat: A writes, X reads the history, B is refused.
    await waitFor(
      async () => (await get(patientA, `/api/chat/rooms/${roomId}`)) === 200,
      20000,
      'the chat room',
    );
    const sent = await call('POST', `/api/chat/rooms/${roomId}/messages`, {
      token: patientA.token,
      body: { body: CHAT_TEXT },
    });
    expect(sent.status).toBe(201);
    expect(await get(drX, `/api/chat/rooms/${roomId}/messages`)).toBe(200);
    expect(await get(patientB, `/api/chat/rooms/${roomId}/messages`)).toBe(404);
    expected.push(
      [patientA, patientA, 'chat_history', roomId, 'create', 'allowed'],
      [drX, patientA, 'chat_history', roomId, 'read', 'allowed'],
      [patientB, patientA, 'chat_history', roomId, 'read', 'denied'],
    );

    // B's own appointment (no reason) gives her trail nothing.
    expect(await get(drY, '/api/appointments')).toBe(200);

    const entriesOf = async () => [...(await trailOf(patientA.id)), ...(await trailOf(patientB.id))];
    await waitFor(async () => (await entriesOf()).length >= expected.length, 30000, 'the audit entries');
    // Time for a duplicate or a stray entry to show before counting.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const entries = await entriesOf();
    expect(entries.map(line).sort()).toEqual(expected.map(expectedLine).sort());

    for (const entry of entries) {
      expect(entry.route).toMatch(/^(GET|POST|PUT) \/api\//);
      expect(entry.subject).toMatch(/^(appointment|prescription|patient|chat)\./);
      expect(entry.gatewayInstance).toEqual(expect.any(String));
      expect(entry.clientAddress).toMatch(/127\.0\.0\.1|::1/);
    }
    const stored = JSON.stringify(await trail.find({}).toArray());
    for (const text of CLINICAL_TEXTS) expect(stored).not.toContain(text);
    // Y's refusal is found by Y: it names the appointment asked through, not the patient.
    const refusedByY = async () =>
      (
        await call<Page<AuditEntryView>>('GET', `/api/admin/audit?actorId=${drY.id}&kind=medical_profile`, {
          token: admin.token,
        })
      ).body.items.map(({ resourceId, action, outcome }) => [resourceId, action, outcome]);
    await waitFor(async () => (await refusedByY()).length > 0, 30000, "Y's refused medical profile read");
    expect(await refusedByY()).toEqual([[`appointment:${appt}`, 'read', 'denied']]);

    // A sees who else reached her records, newest first, doctors by name; her own reads are not listed.
    const seen = await call<Page<RecordAccessView>>('GET', '/api/patients/me/audit?limit=100', {
      token: patientA.token,
    });
    expect(seen.status).toBe(200);
    expect(seen.body.total).toBe(expected.filter(([actor]) => actor !== patientA).length);
    const times = seen.body.items.map((item) => item.occurredAt);
    expect([...times].sort().reverse()).toEqual(times);
    expect(seen.body.items.find((item) => item.kind === 'prescription_pdf')).toMatchObject({
      actorRole: 'doctor',
      actorName: 'Dr Xavier Audit',
      outcome: 'allowed',
    });
    expect(JSON.stringify(seen.body)).not.toContain('clientAddress');
    expect(await get(drX, '/api/patients/me/audit')).toBe(403);
    expect(await get(patientA, '/api/admin/audit')).toBe(403);

    // Admins export the same search as CSV.
    const csv = await fetch(`${platform.baseUrl}/api/admin/audit/export.csv?patientId=${patientA.id}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const rows = (await csv.text()).trim().split('\r\n');
    expect(rows[0]).toMatch(/^occurredAt,actorId,actorRole,patientId,kind,/);
    expect(rows).toHaveLength(1 + (await trailOf(patientA.id)).length);
  });

  it('reads while audit-service is stopped are each in the trail once it is back', async () => {
    const drZ = await verifiedDoctorWithHours(call, admin.token, 'Dr Zoya Durable');
    const patientC = await registerPatient(call, 'Chitra Durable');
    const { id: appt } = await book(drZ, patientC);
    const rx = await consultation(drZ, appt, true);
    const record = await upload(patientC);

    await platform.processes.get('audit-service')?.stop();
    const reads: [string, string, string][] = [
      [`/api/prescriptions/${rx}`, 'prescription', rx],
      [`/api/prescriptions/${rx}/pdf`, 'prescription_pdf', rx],
      [`/api/appointments/${appt}/notes`, 'clinical_note', appt],
      [`/api/appointments/${appt}/health-records`, 'health_record', record],
      [`/api/appointments/${appt}/health-records/${record}/file`, 'health_record_file', record],
    ];
    for (const [path] of reads) expect(await get(drZ, path)).toBe(200);
    await platform.startService('audit-service');

    const readsByZ = async () =>
      (await trailOf(patientC.id).catch(() => [])).filter(
        (entry) => entry.actorId === drZ.id && entry.action === 'read',
      );
    await waitFor(async () => (await readsByZ()).length >= reads.length, 30000, "Dr Z's reads in the trail");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(
      (await readsByZ()).map((entry) => `${entry.kind} ${entry.resourceId} ${entry.outcome}`).sort(),
    ).toEqual(reads.map(([, kind, id]) => `${kind} ${id} allowed`).sort());
  });

  it('audit:verify passes on the trail, and names the position of an edited or a removed entry', async () => {
    const intact = verifyCommand();
    expect(intact.output).toContain('audit trail verified');
    expect(intact.status).toBe(0);

    // An entry in the middle of the prescription chain.
    const count = await trail.countDocuments({ chain: 'prescription' });
    expect(count).toBeGreaterThanOrEqual(3);
    const position = Math.ceil(count / 2);
    const victim = await trail.findOne({ chain: 'prescription', position });
    if (!victim) throw new Error(`no entry at position ${position}`);

    await trail.updateOne({ _id: victim._id }, { $set: { actorId: 'someone-else' } });
    const edited = verifyCommand();
    expect(edited.status).toBe(1);
    expect(edited.output).toContain(`prescription: `);
    expect(edited.output).toContain(
      `BROKEN at position ${position}: the entry at position ${position} was changed`,
    );

    await trail.updateOne({ _id: victim._id }, { $set: { actorId: victim.actorId } });
    expect(verifyCommand().status).toBe(0);

    await trail.deleteOne({ _id: victim._id });
    const removed = verifyCommand();
    expect(removed.status).toBe(1);
    expect(removed.output).toContain(
      `BROKEN at position ${position}: the entry at position ${position} is missing`,
    );
  });
});
