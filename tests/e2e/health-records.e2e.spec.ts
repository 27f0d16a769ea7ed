import { MongoClient } from 'mongodb';
import { strFromU8, unzipSync } from 'fflate';
import {
  chatRoomId,
  type DataExportView,
  type HealthRecordView,
  type MedicalProfileView,
  type Page,
  type PatientHistoryView,
} from '@arogyam/contracts';
import { waitFor } from '@arogyam/testing';
import { CareSituations } from './care-situations';
import { httpClient } from './http';
import { bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { startPlatformAsAdmin, type Platform } from './platform';

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;
let mongo: MongoClient;
let situations: CareSituations;

/** A small but real PDF's first bytes, and bytes no allowed type starts with. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n% Haemoglobin 13.2 g/dL\n'), Buffer.alloc(200_000, 7)]);
const PROGRAM = Buffer.from('MZ\x90\x00 not a report', 'latin1');

interface Upload {
  file?: { bytes: Buffer; name: string; type?: string };
  fields?: Record<string, string>;
}

async function upload(token: string, { file, fields = {} }: Upload) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/pdf' }), file.name);
  const response = await fetch(`${platform.baseUrl}/api/patients/me/health-records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function download(token: string, path: string) {
  const response = await fetch(`${platform.baseUrl}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

const listOwn = async (patient: Person) =>
  (await call<Page<HealthRecordView>>('GET', '/api/patients/me/health-records', { token: patient.token }))
    .body;

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin({ AUTH_THROTTLE_IP_LIMIT: '1000' }));
  mongo = await MongoClient.connect(platform.infra.mongoUrl);
  situations = new CareSituations(
    call,
    mongo.db(platform.databases['appointment-service']).collection('appointments'),
  );
}, 90000);

afterAll(async () => {
  await mongo?.close();
  await platform?.stop();
});

describe('health records through the gateway', () => {
  it('a patient uploads a report, finds it in their list, downloads the same bytes and deletes it', async () => {
    const patient = await registerPatient(call, 'Farah Khan');
    const uploaded = await upload(patient.token, {
      file: { bytes: PDF, name: 'रक्त जाँच (CBC).pdf', type: 'application/octet-stream' },
      fields: {
        title: ' Blood test, March ',
        kind: 'lab_report',
        recordedOn: '2026-03-14',
        notes: 'Fasting',
      },
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      title: 'Blood test, March',
      kind: 'lab_report',
      recordedOn: '2026-03-14',
      notes: 'Fasting',
      sharedWithDoctors: true,
      fileName: 'रक्त जाँच (CBC).pdf',
      // What the bytes are, not what the browser said.
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const id = String(uploaded.body.id);

    expect((await listOwn(patient)).items.map((record) => record.id)).toEqual([id]);
    const file = await download(patient.token, `/api/patients/me/health-records/${id}/file`);
    expect(file.status).toBe(200);
    expect(file.type).toBe('application/pdf');
    expect(file.disposition).toContain(`filename*=UTF-8''${encodeURIComponent('रक्त जाँच (CBC).pdf')}`);
    expect(file.bytes.equals(PDF)).toBe(true);

    const other = await registerPatient(call, 'Not Farah');
    expect((await download(other.token, `/api/patients/me/health-records/${id}/file`)).status).toBe(404);
    expect(
      (await call('DELETE', `/api/patients/me/health-records/${id}`, { token: other.token })).status,
    ).toBe(404);

    expect(
      (await call('DELETE', `/api/patients/me/health-records/${id}`, { token: patient.token })).status,
    ).toBe(204);
    expect((await listOwn(patient)).total).toBe(0);
    expect((await download(patient.token, `/api/patients/me/health-records/${id}/file`)).status).toBe(404);
  });

  it('refuses a missing file, a file of another kind, bad fields and a file over 10 MB, storing nothing', async () => {
    const patient = await registerPatient(call, 'Gopal Rao');
    const fields = { title: 'Scan', kind: 'imaging' };

    expect(await upload(patient.token, { fields })).toMatchObject({
      status: 400,
      body: { details: [{ field: 'file', problem: 'is required' }] },
    });
    expect((await upload(patient.token, { fields, file: { bytes: PROGRAM, name: 'scan.pdf' } })).status).toBe(
      415,
    );
    const badFields = await upload(patient.token, {
      fields: { title: '', kind: 'horoscope', recordedOn: '2026-02-30', sharedWithDoctors: 'maybe' },
      file: { bytes: PDF, name: 'a.pdf' },
    });
    expect(badFields.status).toBe(400);
    expect((badFields.body.details as { field: string }[]).map((detail) => detail.field).sort()).toEqual([
      'kind',
      'recordedOn',
      'sharedWithDoctors',
      'title',
    ]);
    const huge = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    expect((await upload(patient.token, { fields, file: { bytes: huge, name: 'huge.pdf' } })).status).toBe(
      413,
    );
    expect((await listOwn(patient)).total).toBe(0);
  });

  it('the doctor of an appointment sees the records its patient shares, and no one else does', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Sunita Rao');
    const otherDoctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Other Person');
    const patient = await registerPatient(call, 'Imran Ali');
    const appointment = await bookFirstFreeSlot(call, doctor, patient);
    const shared = await upload(patient.token, {
      fields: { title: 'Chest X-ray', kind: 'imaging' },
      file: { bytes: PDF, name: 'xray.pdf' },
    });
    const privateOne = await upload(patient.token, {
      fields: { title: 'Therapy notes', kind: 'other', sharedWithDoctors: 'false' },
      file: { bytes: PDF, name: 'private.pdf' },
    });
    expect([shared.status, privateOne.status]).toEqual([201, 201]);
    // The older yes/no still works, as all my doctors or nobody.
    expect(privateOne.body).toMatchObject({
      sharedWithDoctors: false,
      sharing: { mode: 'none', doctorIds: [] },
    });
    expect(shared.body).toMatchObject({ sharedWithDoctors: true, sharing: { mode: 'all_my_doctors' } });

    const path = `/api/appointments/${appointment.id}/health-records`;
    const seen = await call<Page<HealthRecordView>>('GET', path, { token: doctor.token });
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((record) => record.title)).toEqual(['Chest X-ray']);
    const file = await download(doctor.token, `${path}/${String(shared.body.id)}/file`);
    expect([file.status, file.bytes.equals(PDF)]).toEqual([200, true]);
    expect((await download(doctor.token, `${path}/${String(privateOne.body.id)}/file`)).status).toBe(404);

    // Another doctor, the patient through the doctors' route, an admin: none of them.
    expect((await call('GET', path, { token: otherDoctor.token })).status).toBe(404);
    expect((await download(otherDoctor.token, `${path}/${String(shared.body.id)}/file`)).status).toBe(404);
    expect((await call('GET', path, { token: patient.token })).status).toBe(403);
    expect((await call('GET', '/api/patients/me/health-records', { token: adminToken })).status).toBe(403);

    // A cancelled appointment is no care relationship.
    expect(
      (await call('POST', `/api/appointments/${appointment.id}/cancel`, { token: patient.token, body: {} }))
        .status,
    ).toBe(200);
    expect((await call('GET', path, { token: doctor.token })).status).toBe(404);
  });
});

/** A tiny PDF: the matrix uploads many. */
const SMALL_PDF = Buffer.from('%PDF-1.7\n% matrix\n');
const RECORDS = ['chosen for X', 'chosen for Y', 'all my doctors', 'nobody', 'revoked'] as const;
type RecordName = (typeof RECORDS)[number];

describe('who reads what: records, medical profile and history across the care relationship', () => {
  let doctorX: Person;
  let doctorY: Person;

  beforeAll(async () => {
    [doctorX, doctorY] = await Promise.all([
      verifiedDoctorWithHours(call, adminToken, 'Dr Xavier Matrix'),
      verifiedDoctorWithHours(call, adminToken, 'Dr Yamini Matrix'),
    ]);
  }, 60000);

  /** The five records of the matrix, each shared its way; `revoked` was chosen for X, then for nobody. */
  async function recordsOf(patient: Person): Promise<Record<RecordName, string>> {
    const sharings: Record<RecordName, Record<string, string>> = {
      'chosen for X': { sharing: 'chosen', doctorIds: doctorX.id },
      'chosen for Y': { sharing: 'chosen', doctorIds: doctorY.id },
      'all my doctors': { sharing: 'all_my_doctors' },
      nobody: { sharing: 'none' },
      revoked: { sharing: 'chosen', doctorIds: `${doctorX.id},${doctorY.id}` },
    };
    const ids = {} as Record<RecordName, string>;
    for (const name of RECORDS) {
      const uploaded = await upload(patient.token, {
        fields: { title: name, kind: 'other', ...sharings[name] },
        file: { bytes: SMALL_PDF, name: 'r.pdf' },
      });
      expect(uploaded.status).toBe(201);
      ids[name] = String(uploaded.body.id);
    }
    const revoked = await call<HealthRecordView>(
      'PATCH',
      `/api/patients/me/health-records/${ids.revoked}/sharing`,
      {
        token: patient.token,
        body: { mode: 'none' },
      },
    );
    expect(revoked.body.sharing).toEqual({ mode: 'none', doctorIds: [] });
    return ids;
  }

  /** What doctor X gets through the appointment: the listing, each file, the medical profile, the history. */
  async function whatXReads(appointmentId: string, ids: Record<RecordName, string>) {
    const base = `/api/appointments/${appointmentId}/health-records`;
    const list = await call<Page<HealthRecordView>>('GET', base, { token: doctorX.token });
    const files: string[] = [];
    for (const name of RECORDS)
      if ((await download(doctorX.token, `${base}/${ids[name]}/file`)).status === 200) files.push(name);
    const history = await call('GET', `/api/appointments/${appointmentId}/patient-history`, {
      token: doctorX.token,
    });
    const profile = await call('GET', `/api/appointments/${appointmentId}/medical-profile`, {
      token: doctorX.token,
    });
    return {
      list: list.status === 200 ? list.body.items.map((record) => record.title).sort() : list.status,
      files: files.sort(),
      profile: profile.status,
      history: history.status,
    };
  }

  const CARE = {
    list: ['all my doctors', 'chosen for X'],
    files: ['all my doctors', 'chosen for X'],
    profile: 200,
    history: 200,
  };
  const NOTHING = { list: 404, files: [], profile: 404, history: 404 };

  it.each([
    ['the day of the visit', 'visitToday', CARE],
    [
      'a future booking only',
      'futureBooking',
      { list: ['chosen for X'], files: ['chosen for X'], profile: 404, history: 404 },
    ],
    ['a cancelled appointment only', 'cancelled', NOTHING],
    ['a consultation completed 10 days ago', 'completed10', CARE],
    ['a consultation completed 40 days ago', 'completed40', NOTHING],
  ] as const)('through %s', async (_, situation, expected) => {
    const patient = await registerPatient(call, `Matrix ${situation}`);
    const ids = await recordsOf(patient);
    const appointmentId =
      situation === 'completed10'
        ? await situations.completed(doctorX, patient, 10)
        : situation === 'completed40'
          ? await situations.completed(doctorX, patient, 40)
          : await situations[situation](doctorX, patient);
    expect(await whatXReads(appointmentId, ids)).toEqual(expected);
    // Doctor Y has no appointment with this patient: nothing, whatever was chosen for them.
    expect(
      (await call('GET', `/api/appointments/${appointmentId}/health-records`, { token: doctorY.token }))
        .status,
    ).toBe(404);
  });

  it("the history shows the earlier consultation's notes and prescription, and a revoke holds at once", async () => {
    const patient = await registerPatient(call, 'Matrix History');
    const notes = {
      subjective: 'Fever three days',
      objective: 'Temp 38.9',
      assessment: 'Viral fever',
      plan: 'Rest',
      sharedWithPatient: false,
    };
    // Today's booking first: a patient's new hold counts for 30 s whatever happens to it
    // (day-holds.ts), so the earlier visit must not take a slot today's would want.
    const today = await situations.visitToday(doctorX, patient);
    const earlier = await situations.completed(doctorX, patient, 10, { notes, drug: 'Paracetamol' });

    const history = await call<PatientHistoryView>('GET', `/api/appointments/${today}/patient-history`, {
      token: doctorX.token,
    });
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({
      patientId: patient.id,
      relationship: { access: 'care' },
      prescriptionsIncluded: true,
    });
    expect(history.body.consultations).toHaveLength(1);
    expect(history.body.consultations[0]).toMatchObject({
      appointmentId: earlier,
      status: 'completed',
      notes: { assessment: 'Viral fever' },
      prescriptions: [{ items: [{ drug: 'Paracetamol' }] }],
    });
    // Not the patient's, nor another doctor's.
    expect(
      (await call('GET', `/api/appointments/${today}/patient-history`, { token: patient.token })).status,
    ).toBe(403);
    expect(
      (await call('GET', `/api/appointments/${today}/patient-history`, { token: doctorY.token })).status,
    ).toBe(404);

    // Shared with X, read, revoked: the next read is refused.
    const uploaded = await upload(patient.token, {
      fields: { title: 'ECG', kind: 'other', sharing: 'chosen', doctorIds: doctorX.id },
      file: { bytes: SMALL_PDF, name: 'ecg.pdf' },
    });
    const file = `/api/appointments/${today}/health-records/${String(uploaded.body.id)}/file`;
    expect((await download(doctorX.token, file)).status).toBe(200);
    const sharingPath = `/api/patients/me/health-records/${String(uploaded.body.id)}/sharing`;
    expect((await call('PATCH', sharingPath, { token: patient.token, body: { mode: 'none' } })).status).toBe(
      200,
    );
    expect((await download(doctorX.token, file)).status).toBe(404);
    // A choice of nobody, or of an unknown mode, is a 400; someone else's record a 404.
    expect(
      (await call('PATCH', sharingPath, { token: patient.token, body: { mode: 'chosen', doctorIds: [] } }))
        .status,
    ).toBe(400);
    expect(
      (await call('PATCH', sharingPath, { token: patient.token, body: { mode: 'everyone' } })).status,
    ).toBe(400);
    const stranger = await registerPatient(call, 'Matrix Stranger');
    expect(
      (await call('PATCH', sharingPath, { token: stranger.token, body: { mode: 'all_my_doctors' } })).status,
    ).toBe(404);
  });

  it('upgrades records stored before per-doctor sharing when patient-service starts', async () => {
    const patient = await registerPatient(call, 'Matrix Legacy');
    const appointmentId = await situations.visitToday(doctorX, patient);
    const records = mongo
      .db(platform.databases['patient-service'])
      .collection<{ _id: string; [field: string]: unknown }>('healthRecords');
    const now = new Date();
    const legacy = {
      patientId: patient.id,
      kind: 'other',
      fileName: 'old.pdf',
      contentType: 'application/pdf',
      size: 10,
      createdAt: now,
      updatedAt: now,
    };
    await records.insertMany([
      { _id: `legacy-shared-${patient.id}`, title: 'Old shared', sharedWithDoctors: true, ...legacy },
      { _id: `legacy-private-${patient.id}`, title: 'Old private', sharedWithDoctors: false, ...legacy },
    ]);
    // Read tolerantly before the upgrade.
    const own = await call<Page<HealthRecordView>>('GET', '/api/patients/me/health-records', {
      token: patient.token,
    });
    expect(own.body.items.map((record) => [record.title, record.sharing.mode]).sort()).toEqual([
      ['Old private', 'none'],
      ['Old shared', 'all_my_doctors'],
    ]);
    // A database from before the upgrade has no marker of it (the upgrade runs once per database).
    await mongo
      .db(platform.databases['patient-service'])
      .collection<{ _id: string }>('upgrades')
      .deleteOne({ _id: 'health-record-sharing-1' });
    // Restarted (not a second instance beside it, which platform.stop would not know of).
    await platform.processes.get('patient-service')?.stop();
    await platform.startService('patient-service');
    const seen = await call<Page<HealthRecordView>>(
      'GET',
      `/api/appointments/${appointmentId}/health-records`,
      { token: doctorX.token },
    );
    expect(seen.body.items.map((record) => record.title)).toEqual(['Old shared']);
    expect(
      await records.countDocuments({ patientId: patient.id, sharedWithDoctors: { $exists: true } }),
    ).toBe(0);
  });
});

describe('the medical profile', () => {
  const OWN = '/api/patients/me/medical-profile';
  const PROFILE = {
    allergies: [
      { substance: ' Penicillin ', reaction: 'Hives', severity: 'severe' },
      { substance: 'Peanuts' },
    ],
    chronicConditions: [' Type 2 diabetes ', 'Asthma'],
    currentMedicines: [
      { name: 'Metformin', dose: '500 mg twice a day' },
      { name: 'Salbutamol', dose: ' ' },
    ],
    bloodGroup: 'O+',
  };

  it('a patient starts with an empty profile, replaces it, reads it back, and clears a part of it', async () => {
    const patient = await registerPatient(call, 'Meena Profile');
    const empty = await call<MedicalProfileView>('GET', OWN, { token: patient.token });
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      patientId: patient.id,
      allergies: [],
      chronicConditions: [],
      currentMedicines: [],
    });

    const saved = await call<MedicalProfileView>('PUT', OWN, { token: patient.token, body: PROFILE });
    expect(saved.status).toBe(200);
    const expected = {
      patientId: patient.id,
      allergies: [
        { substance: 'Penicillin', reaction: 'Hives', severity: 'severe' },
        { substance: 'Peanuts' },
      ],
      chronicConditions: ['Type 2 diabetes', 'Asthma'],
      currentMedicines: [{ name: 'Metformin', dose: '500 mg twice a day' }, { name: 'Salbutamol' }],
      bloodGroup: 'O+',
    };
    expect(saved.body).toEqual({ ...expected, updatedAt: expect.any(String) });
    expect((await call('GET', OWN, { token: patient.token })).body).toEqual(saved.body);

    // A PUT is the whole profile: what it leaves out is gone.
    const cleared = await call<MedicalProfileView>('PUT', OWN, {
      token: patient.token,
      body: { allergies: expected.allergies.slice(1) },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({
      patientId: patient.id,
      allergies: [{ substance: 'Peanuts' }],
      chronicConditions: [],
      currentMedicines: [],
      updatedAt: expect.any(String),
    });

    // Another patient has their own (empty) one; doctors and admins have no such route.
    const other = await registerPatient(call, 'Not Meena');
    expect((await call<MedicalProfileView>('GET', OWN, { token: other.token })).body.allergies).toEqual([]);
    expect((await call('GET', OWN, { token: adminToken })).status).toBe(403);
  });

  it('refuses bad profiles with 400, naming each field, and keeps the stored one', async () => {
    const patient = await registerPatient(call, 'Naveen Invalid');
    expect((await call('PUT', OWN, { token: patient.token, body: PROFILE })).status).toBe(200);
    const refused = async (body: unknown) => {
      const answer = await call<{ details: { field: string }[] }>('PUT', OWN, { token: patient.token, body });
      expect(answer.status).toBe(400);
      // Each field once, however many of its rules it broke.
      return [...new Set(answer.body.details.map((detail) => detail.field))].sort();
    };
    expect(
      await refused({
        allergies: [
          { substance: '  ', severity: 'deadly' },
          { substance: 'x'.repeat(101), reaction: 7 },
        ],
        chronicConditions: ['', 'y'.repeat(121)],
        currentMedicines: [{ dose: '1 tab' }],
        bloodGroup: 'Z+',
        religion: 'none',
      }),
    ).toEqual(
      [
        'allergies.0.severity',
        'allergies.0.substance',
        'allergies.1.reaction',
        'allergies.1.substance',
        'bloodGroup',
        'chronicConditions',
        'currentMedicines.0.name',
        'religion',
      ].sort(),
    );
    expect(await refused({ allergies: Array.from({ length: 31 }, () => ({ substance: 'Dust' })) })).toEqual([
      'allergies',
    ]);
    expect(await refused({ chronicConditions: 'Asthma' })).toContain('chronicConditions');
    expect(await refused({ allergies: ['Penicillin'] })).toContain('allergies.0');
    expect((await call('PUT', OWN, { token: patient.token, raw: '[1,2]' })).status).toBe(400);
    expect((await call<MedicalProfileView>('GET', OWN, { token: patient.token })).body.bloodGroup).toBe('O+');
  });

  it("the doctor of an appointment reads its patient's profile; another doctor gets 404, as does a cancelled one", async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Kavya Profile');
    const otherDoctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Other Profile');
    const patient = await registerPatient(call, 'Om Profile');
    const appointment = await bookFirstFreeSlot(call, doctor, patient);
    const path = `/api/appointments/${appointment.id}/medical-profile`;

    // Before the patient fills it in: an empty profile, not a refusal.
    const before = await call<MedicalProfileView>('GET', path, { token: doctor.token });
    expect(before.status).toBe(200);
    expect(before.body.allergies).toEqual([]);

    const saved = await call<MedicalProfileView>('PUT', '/api/patients/me/medical-profile', {
      token: patient.token,
      body: PROFILE,
    });
    const seen = await call<MedicalProfileView>('GET', path, { token: doctor.token });
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual(saved.body);

    expect((await call('GET', path, { token: otherDoctor.token })).status).toBe(404);
    expect(
      (await call('GET', '/api/appointments/no-such-appointment/medical-profile', { token: doctor.token }))
        .status,
    ).toBe(404);
    expect((await call('GET', path, { token: patient.token })).status).toBe(403);
    expect((await call('GET', path, { token: adminToken })).status).toBe(403);

    expect(
      (await call('POST', `/api/appointments/${appointment.id}/cancel`, { token: patient.token, body: {} }))
        .status,
    ).toBe(200);
    expect((await call('GET', path, { token: doctor.token })).status).toBe(404);
  });
});

describe("the patient's data export", () => {
  const json = (files: Record<string, Uint8Array>, name: string): unknown => {
    expect(Object.keys(files)).toContain(name);
    return JSON.parse(strFromU8(files[name]));
  };

  it('holds every item the patient created, built in the background; only they see and download it', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Export Iyer');
    const patient = await registerPatient(call, 'Export Everything');
    const stranger = await registerPatient(call, 'Export Stranger');

    const profile = await call('PUT', '/api/patients/me/medical-profile', {
      token: patient.token,
      body: { allergies: [{ substance: 'Penicillin (export)', severity: 'severe' }], bloodGroup: 'B+' },
    });
    expect(profile.status).toBe(200);
    const record = await upload(patient.token, {
      fields: { title: 'Export chest X-ray', kind: 'imaging', notes: 'Export notes of mine' },
      file: { bytes: SMALL_PDF, name: 'छाती एक्स-रे.pdf' },
    });
    expect(record.status).toBe(201);
    const recordId = String(record.body.id);

    const booked = await bookFirstFreeSlot(call, doctor, patient, 'video', 'Export: a cough for ten days');
    const roomId = chatRoomId(doctor.id, patient.id);
    await waitFor(
      async () => (await call('GET', `/api/chat/rooms/${roomId}`, { token: patient.token })).status === 200,
      20000,
      'the chat room',
    );
    const message = await call<{ id: string }>('POST', `/api/chat/rooms/${roomId}/messages`, {
      token: patient.token,
      body: { body: 'Export: hello doctor, the cough is worse at night' },
    });
    expect(message.status).toBe(201);
    const payment = await call<{ id: string }>('POST', `/api/appointments/${booked.id}/payment`, {
      token: patient.token,
    });
    expect(payment.status).toBe(201);
    // The doctor reads the medical profile: "who viewed my records" has an entry to export.
    expect(
      (await call('GET', `/api/appointments/${booked.id}/medical-profile`, { token: doctor.token })).status,
    ).toBe(200);
    for (const status of ['checked_in', 'in_consultation']) {
      const moved = await call('POST', `/api/appointments/${booked.id}/status`, {
        token: doctor.token,
        body: { status },
      });
      expect(moved.status).toBe(200);
    }
    const notes = {
      subjective: 'Cough',
      objective: 'Clear chest',
      assessment: 'Export: viral cough',
      plan: 'Fluids',
    };
    expect(
      (
        await call('PUT', `/api/appointments/${booked.id}/notes`, {
          token: doctor.token,
          body: { ...notes, sharedWithPatient: true },
        })
      ).status,
    ).toBe(200);
    const prescription = await call<{ id: string }>('POST', '/api/prescriptions', {
      token: doctor.token,
      body: {
        appointmentId: booked.id,
        items: [{ drug: 'Export-cillin', dose: '250 mg', frequency: 'three times a day', durationDays: 5 }],
      },
    });
    expect(prescription.status).toBe(201);
    expect(
      (
        await call('POST', `/api/appointments/${booked.id}/status`, {
          token: doctor.token,
          body: { status: 'completed' },
        })
      ).status,
    ).toBe(200);
    const review = await call('POST', `/api/appointments/${booked.id}/review`, {
      token: patient.token,
      body: { rating: 4, comment: 'Export: kind and careful' },
    });
    expect(review.status).toBe(201);
    await waitFor(
      async () =>
        (await call<Page<unknown>>('GET', '/api/patients/me/audit', { token: patient.token })).body.total > 0,
      20000,
      "the doctor's read in the patient's audit trail",
    );

    // Two starts at once: one export, one id.
    const [first, second] = await Promise.all([
      call<DataExportView>('POST', '/api/patients/me/data-export', { token: patient.token }),
      call<DataExportView>('POST', '/api/patients/me/data-export', { token: patient.token }),
    ]);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.id).toBe(first.body.id);
    expect(first.body.progress.total).toBe(first.body.steps.length + 1);
    const exportPath = `/api/patients/me/data-export/${first.body.id}`;
    // Someone else's export does not exist for them; doctors are not patients.
    expect((await call('GET', exportPath, { token: stranger.token })).status).toBe(404);
    expect((await download(stranger.token, `${exportPath}/download`)).status).toBe(404);
    expect((await call('GET', exportPath, { token: doctor.token })).status).toBe(403);
    expect((await call('POST', '/api/patients/me/data-export', { token: doctor.token })).status).toBe(403);

    const ready = await waitFor(
      async () => {
        const now = await call<DataExportView>('GET', exportPath, { token: patient.token });
        expect(now.body.status).not.toBe('failed');
        return now.body.status === 'ready' ? now.body : undefined;
      },
      60000,
      'the export to be ready',
    );
    if (!ready) throw new Error('waitFor answers only a ready export');
    expect(ready.progress).toEqual({ done: ready.progress.total, total: ready.progress.total });
    expect(ready.steps.every((step) => step.status === 'done')).toBe(true);
    expect(ready.steps.find((step) => step.name === 'chat.json')?.items).toBeGreaterThanOrEqual(2);
    expect(Date.parse(ready.expiresAt ?? '') - Date.parse(ready.readyAt ?? '')).toBe(7 * 86_400_000);
    expect((await call('GET', '/api/patients/me/data-export', { token: patient.token })).body).toMatchObject({
      id: ready.id,
    });

    const archive = await download(patient.token, `${exportPath}/download`);
    expect(archive.status).toBe(200);
    expect(archive.type).toBe('application/zip');
    expect(archive.disposition).toContain(ready.fileName);
    expect(archive.bytes.length).toBe(ready.size);
    const files = unzipSync(new Uint8Array(archive.bytes));

    expect(strFromU8(files['README.txt'])).toContain('audit.json');
    expect(json(files, 'account.json')).toMatchObject({
      id: patient.id,
      privacyNotice: { version: expect.any(String) },
    });
    expect(json(files, 'profile.json')).toMatchObject({ id: patient.id, fullName: 'Export Everything' });
    expect(json(files, 'medical-profile.json')).toMatchObject({
      allergies: [{ substance: 'Penicillin (export)', severity: 'severe' }],
      bloodGroup: 'B+',
    });
    expect(json(files, 'health-records.json')).toEqual([
      expect.objectContaining({ id: recordId, title: 'Export chest X-ray', notes: 'Export notes of mine' }),
    ]);
    expect(Buffer.from(files[`files/${recordId}/छाती एक्स-रे.pdf`])).toEqual(SMALL_PDF);
    expect(json(files, 'appointments.json')).toEqual([
      expect.objectContaining({
        id: booked.id,
        reason: 'Export: a cough for ten days',
        status: 'completed',
        doctorNotes: expect.objectContaining({ assessment: 'Export: viral cough' }),
      }),
    ]);
    expect(json(files, 'prescriptions.json')).toEqual([
      expect.objectContaining({
        id: prescription.body.id,
        items: [expect.objectContaining({ drug: 'Export-cillin' })],
      }),
    ]);
    expect(json(files, 'chat.json')).toMatchObject({
      rooms: [{ id: roomId }],
      messages: expect.arrayContaining([
        expect.objectContaining({
          id: message.body.id,
          body: 'Export: hello doctor, the cough is worse at night',
        }),
      ]),
    });
    expect(json(files, 'payments.json')).toEqual([expect.objectContaining({ id: payment.body.id })]);
    expect(json(files, 'reviews.json')).toEqual([
      expect.objectContaining({ rating: 4, comment: 'Export: kind and careful' }),
    ]);
    expect(json(files, 'audit.json')).toEqual(
      expect.arrayContaining([expect.objectContaining({ actorId: doctor.id, kind: 'medical_profile' })]),
    );
    // With the notifications, the copy of where they go (notification-service's, from the registration).
    expect(json(files, 'notifications.json')).toMatchObject({
      notifications: expect.any(Array),
      contact: [{ fullName: 'Export Everything', email: expect.stringContaining('@') }],
    });
    expect(Array.isArray(json(files, 'video-calls.json'))).toBe(true);
    // Nothing of the stranger's, and nothing secret, is in the archive.
    const everything = Object.values(files)
      .map((bytes) => Buffer.from(bytes).toString('latin1'))
      .join('\n');
    expect(everything).not.toContain(stranger.id);
    expect(everything).not.toContain('passwordHash');
  });

  it('an export its instance left running fails with a clear message at the next start; an expired one is gone', async () => {
    const patient = await registerPatient(call, 'Export Interrupted');
    const exports = mongo
      .db(platform.databases['patient-service'])
      .collection<{ _id: string; [field: string]: unknown }>('dataExports');
    const hourAgo = new Date(Date.now() - 3_600_000);
    const step = { name: 'account.json', service: 'user', status: 'done', items: 1 };
    const common = {
      patientId: patient.id,
      steps: [step],
      total: 12,
      createdAt: hourAgo,
      updatedAt: hourAgo,
    };
    await exports.insertMany([
      // Left running by an instance that died an hour ago (its heartbeat stopped then).
      {
        _id: `stalled-${patient.id}`,
        runningKey: patient.id,
        status: 'running',
        done: 1,
        heartbeatAt: hourAgo,
        ...common,
      },
      // Ready, but past its expiry.
      {
        _id: `expired-${patient.id}`,
        runningKey: `expired-${patient.id}`,
        status: 'ready',
        done: 12,
        heartbeatAt: hourAgo,
        readyAt: hourAgo,
        expiresAt: new Date(Date.now() - 60_000),
        size: 100,
        fileName: 'arogyam-export-2026-11-28.zip',
        ...common,
      },
    ]);
    // While the stalled one counts as running, a start answers it.
    const blocked = await call<DataExportView>('POST', '/api/patients/me/data-export', {
      token: patient.token,
    });
    expect(blocked.body).toMatchObject({ id: `stalled-${patient.id}`, status: 'running' });

    // Restarted: its sweep runs at start.
    await platform.processes.get('patient-service')?.stop();
    await platform.startService('patient-service');
    const path = (id: string) => `/api/patients/me/data-export/${id}-${patient.id}`;
    const stalled = await waitFor(
      async () => {
        const now = await call<DataExportView>('GET', path('stalled'), { token: patient.token });
        return now.body.status === 'failed' ? now.body : undefined;
      },
      20000,
      'the stalled export to fail',
    );
    expect(stalled?.failure).toMatch(/stopped when our server restarted\. Please start it again/);
    expect((await call<DataExportView>('GET', path('expired'), { token: patient.token })).body).toMatchObject(
      {
        status: 'expired',
      },
    );
    expect((await download(patient.token, `${path('expired')}/download`)).status).toBe(409);
    // The patient can start again.
    const again = await call<DataExportView>('POST', '/api/patients/me/data-export', {
      token: patient.token,
    });
    expect(again.status).toBe(202);
    expect(again.body.id).not.toBe(`stalled-${patient.id}`);
  });
});
