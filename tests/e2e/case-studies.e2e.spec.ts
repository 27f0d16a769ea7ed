import type { NatsConnection } from 'nats';
import {
  CaseStudyEventTypes,
  type CaseStudyEvent,
  type CaseStudySummary,
  type CaseStudyView,
  type IdentifyingDetail,
  type Page,
} from '@arogyam/contracts';
import { connectAs, waitForLatestEvent } from '@arogyam/testing';
import { httpClient } from './http';
import { bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours, type Person } from './people';
import { startPlatformAsAdmin, type Platform } from './platform';

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;
let nats: NatsConnection;

const CLEAN = {
  title: 'Syncope with complete heart block',
  specialty: 'Cardiology',
  tags: ['Heart  Block', 'syncope'],
  presentation: 'A 67-year-old woman had three episodes of syncope over 2 weeks. Pulse 36.',
  investigations: 'ECG on day 1: complete AV block.',
  diagnosis: 'Complete heart block.',
  treatment: 'Temporary pacing, then a dual-chamber pacemaker on day 3.',
  outcome: 'No further syncope at 6 months.',
  learningPoints: 'Look for bradyarrhythmia in every syncope.',
};

// A PNG of chunks only (the check reads chunks, not pixels), with a tEXt chunk: metadata.
const pngChunk = (type: string, data: Buffer): Buffer => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
};
const PNG_WITH_TEXT = `data:image/png;base64,${Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  pngChunk('IHDR', Buffer.alloc(13)),
  pngChunk('tEXt', Buffer.from('Author\0Ward 4 camera')),
  pngChunk('IEND', Buffer.alloc(0)),
]).toString('base64')}`;

const path = (caseStudy: { id: string }) => `/api/case-studies/${caseStudy.id}`;
const minePath = (caseStudy: { id: string }) => `/api/case-studies/mine/${caseStudy.id}`;

async function draft(doctor: Person, fields: Record<string, unknown> = CLEAN): Promise<CaseStudyView> {
  const created = await call<CaseStudyView>('POST', '/api/case-studies/mine', {
    token: doctor.token,
    body: fields,
  });
  expect(created.status).toBe(201);
  return created.body;
}

const submit = (doctor: Person, caseStudy: { id: string }) =>
  call<CaseStudyView & { code?: string; details?: IdentifyingDetail[] }>(
    'POST',
    `${minePath(caseStudy)}/submit`,
    {
      token: doctor.token,
    },
  );

const latestEvent = (type: string, caseStudyId: string) =>
  waitForLatestEvent<CaseStudyEvent>(nats, type, (event) => event.payload.caseStudyId === caseStudyId);

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin({ AUTH_THROTTLE_IP_LIMIT: '1000' }));
  nats = await connectAs(platform.infra);
}, 90000);

afterAll(async () => {
  await nats?.close();
  await platform?.stop();
});

describe('case studies: the de-identification check', () => {
  it("refuses a case naming one of the doctor's patients or holding contact details, showing the places; a clean case passes", async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Meera Iyer');
    const patient = await registerPatient(call, 'Kavya Raman');
    await bookFirstFreeSlot(call, doctor, patient);

    const presentation =
      'Kavya Raman (DOB 14/02/1958) came with syncope. Reach her on +91 98450 12345 or kavya.r@example.in.';
    const caseStudy = await draft(doctor, {
      ...CLEAN,
      presentation,
      images: [{ dataUrl: PNG_WITH_TEXT, caption: 'ECG strip' }],
    });
    const refused = await submit(doctor, caseStudy);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('identifying_details');
    const places = refused.body.details!.map(({ field, kind, start, end }) => ({
      field,
      kind,
      text: start === undefined ? undefined : presentation.slice(start, end),
    }));
    expect(places).toEqual([
      { field: 'presentation', kind: 'patient_name', text: 'Kavya Raman' },
      { field: 'presentation', kind: 'date_of_birth', text: 'DOB 14/02/1958' },
      { field: 'presentation', kind: 'phone_number', text: '+91 98450 12345' },
      { field: 'presentation', kind: 'email', text: 'kavya.r@example.in' },
      { field: 'images[0]', kind: 'image_metadata', text: undefined },
    ]);
    expect(refused.body.details![0].problem).toBe("A patient's name in Presentation, characters 1–11.");
    expect(refused.body.details![4].problem).toContain("remove the image's metadata");
    // The answer says where, never what: none of the matched text comes back.
    expect(JSON.stringify(refused.body)).not.toMatch(/Kavya|98450|example\.in|1958/);
    expect((await call<CaseStudyView>('GET', path(caseStudy), { token: doctor.token })).body.status).toBe(
      'draft',
    );

    // Another doctor never saw this patient: the name alone is not theirs to refuse.
    const other = await verifiedDoctorWithHours(call, adminToken, 'Dr Farhan Qureshi');
    const theirs = await draft(other, {
      ...CLEAN,
      presentation: 'Kavya Raman, a 67-year-old woman, had syncope.',
    });
    expect((await submit(other, theirs)).status).toBe(200);

    const fixed = await call('PUT', minePath(caseStudy), { token: doctor.token, body: CLEAN });
    expect(fixed.status).toBe(200);
    const submitted = await submit(doctor, caseStudy);
    expect([submitted.status, submitted.body.status]).toEqual([200, 'submitted']);
    const event = await latestEvent(CaseStudyEventTypes.submitted, caseStudy.id);
    expect(event.payload).toEqual({ caseStudyId: caseStudy.id, authorId: doctor.id });
  });

  it('refuses an incomplete case, and bad input with 4xx and a code', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Nisha Pillai');
    const incomplete = await draft(doctor, { title: 'Unfinished case', specialty: 'Cardiology' });
    const refused = await submit(doctor, incomplete);
    expect([refused.status, refused.body.code]).toEqual([422, 'unprocessable']);
    expect(refused.body.details!.map((detail) => detail.field)).toEqual([
      'presentation',
      'diagnosis',
      'treatment',
      'outcome',
      'learningPoints',
    ]);
    for (const body of [
      { ...CLEAN, title: 'x'.repeat(151) },
      { ...CLEAN, tags: Array.from({ length: 11 }, (_, i) => `tag${i}`) },
      { ...CLEAN, images: [{ dataUrl: 'data:image/svg+xml;base64,PHN2Zz4=', caption: 'x' }] },
      { ...CLEAN, presentation: 42 },
    ]) {
      const bad = await call('POST', '/api/case-studies/mine', { token: doctor.token, body });
      expect([bad.status, bad.body.code]).toEqual([400, 'invalid_input']);
    }
    const badSort = await call('GET', '/api/case-studies?sort=loudest');
    expect([badSort.status, badSort.body.code]).toEqual([400, 'invalid_input']);
    const patient = await registerPatient(call, 'Ravi Menon');
    expect((await call('POST', '/api/case-studies/mine', { token: patient.token, body: CLEAN })).status).toBe(
      403,
    );
  });
});

describe('case studies: review, publication and reading', () => {
  it('a draft is seen by its author and admins only; returned, fixed and published, then anyone reads and finds it', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Anand Kulkarni');
    const colleague = await verifiedDoctorWithHours(call, adminToken, 'Dr Sara Thomas');
    const patient = await registerPatient(call, 'Deepa Nair');
    const caseStudy = await draft(doctor, {
      ...CLEAN,
      title: 'Bradycardia after a fall',
      tags: ['Fainting Spells'],
    });

    for (const reader of [undefined, colleague, patient]) {
      const seen = await call('GET', path(caseStudy), { token: reader?.token });
      expect([seen.status, seen.body.code]).toEqual([404, 'not_found']);
    }
    for (const reader of [doctor.token, adminToken])
      expect((await call('GET', path(caseStudy), { token: reader })).status).toBe(200);
    expect((await call('PUT', minePath(caseStudy), { token: colleague.token, body: CLEAN })).status).toBe(
      404,
    );
    expect((await submit(colleague, caseStudy)).status).toBe(404);
    const drafts = await call<Page<CaseStudySummary>>('GET', '/api/case-studies?tag=fainting%20spells');
    expect(drafts.body.total).toBe(0);

    expect((await submit(doctor, caseStudy)).status).toBe(200);
    expect((await call('PUT', minePath(caseStudy), { token: doctor.token, body: CLEAN })).status).toBe(409);
    const queue = await call<Page<CaseStudySummary>>('GET', '/api/admin/case-studies?status=submitted', {
      token: adminToken,
    });
    expect(queue.body.items.map((item) => item.id)).toContain(caseStudy.id);
    expect((await call('GET', '/api/admin/case-studies', { token: doctor.token })).status).toBe(403);

    const admin = `/api/admin/case-studies/${caseStudy.id}`;
    expect((await call('POST', `${admin}/return`, { token: adminToken, body: {} })).status).toBe(400);
    const returned = await call<CaseStudyView>('POST', `${admin}/return`, {
      token: adminToken,
      body: { comments: 'Say how the fall happened, without the place.' },
    });
    expect([returned.status, returned.body.status]).toEqual([200, 'returned']);
    expect((await latestEvent(CaseStudyEventTypes.returned, caseStudy.id)).payload.authorId).toBe(doctor.id);
    const mine = await call<Page<CaseStudySummary>>('GET', '/api/case-studies/mine', { token: doctor.token });
    expect(mine.body.items.find((item) => item.id === caseStudy.id)).toMatchObject({
      status: 'returned',
      reviewComments: 'Say how the fall happened, without the place.',
    });
    expect((await call('POST', `${admin}/approve`, { token: adminToken })).status).toBe(409);

    const edited = await call('PUT', minePath(caseStudy), {
      token: doctor.token,
      body: { ...CLEAN, title: 'Bradycardia after a fall at home', tags: ['Fainting Spells'] },
    });
    expect(edited.status).toBe(200);
    expect((await submit(doctor, caseStudy)).status).toBe(200);
    const published = await call<CaseStudyView>('POST', `${admin}/approve`, { token: adminToken });
    expect([published.status, published.body.status]).toEqual([200, 'published']);
    expect((await latestEvent(CaseStudyEventTypes.published, caseStudy.id)).payload.reviewerId).toBeDefined();
    expect((await call('POST', `${admin}/approve`, { token: adminToken })).status).toBe(409);

    // Anyone reads it, without the reviewer's comments; each read by someone else counts.
    const read = await call<CaseStudyView>('GET', path(caseStudy));
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      title: 'Bradycardia after a fall at home',
      readCount: 1,
      tags: ['fainting spells'],
    });
    expect(read.body.reviewComments).toBeUndefined();
    expect((await call<CaseStudyView>('GET', path(caseStudy), { token: patient.token })).body.readCount).toBe(
      2,
    );
    expect((await call<CaseStudyView>('GET', path(caseStudy), { token: doctor.token })).body.readCount).toBe(
      2,
    );

    const ids = async (query: string) =>
      (await call<Page<CaseStudySummary>>('GET', `/api/case-studies?${query}`)).body.items.map(
        (item) => item.id,
      );
    expect(await ids('tag=Fainting%20Spells')).toEqual([caseStudy.id]);
    expect(await ids('q=brady%20hom')).toEqual([caseStudy.id]);
    expect(await ids('q=brady&specialty=cardiology&tag=fainting%20spells&sort=most_read')).toEqual([
      caseStudy.id,
    ]);
    expect(await ids('tag=fainting')).toEqual([]);
    expect(await ids('q=brady&specialty=dermatology')).toEqual([]);
    const onProfile = await call<Page<CaseStudySummary>>('GET', `/api/doctors/${doctor.id}/case-studies`);
    expect(onProfile.body.items.map((item) => item.id)).toEqual([caseStudy.id]);
    // Newest first, or most read first.
    const newer = await draft(doctor, {
      ...CLEAN,
      title: 'Bradycardia on beta blockers',
      tags: ['Fainting Spells'],
    });
    await submit(doctor, newer);
    await call('POST', `/api/admin/case-studies/${newer.id}/approve`, { token: adminToken });
    expect(await ids('tag=fainting%20spells')).toEqual([newer.id, caseStudy.id]);
    expect(await ids('tag=fainting%20spells&sort=most_read')).toEqual([caseStudy.id, newer.id]);
  });
});
