import { ERROR_CODES, PRIVACY_NOTICE_VERSION } from '@arogyam/contracts';
import { io, type Socket } from 'socket.io-client';
import { waitFor } from '@arogyam/testing';
import { nthEmailTo } from './emails';
import { httpClient } from './http';
import { CONSENT } from './people';
import { startPlatformAsAdmin, type Platform } from './platform';

interface AuthBody {
  user: {
    id: string;
    role: string;
    email: string;
    fullName: string;
    privacyNotice?: { version: string; acceptedAt: string };
  };
  accessToken: string;
  refreshToken: string;
}
interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: { field: string; problem: string }[];
}
interface PageBody<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}
interface DoctorBody {
  id: string;
  fullName: string;
  verificationStatus: string;
  specialization: string;
}

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;

const email = (name: string): string =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}-${Math.random().toString(36).slice(2, 8)}@e2e.test`;
const doctorFields = (name: string) => ({
  ...CONSENT,
  email: email(name),
  password: 'doctor-pass-1',
  fullName: name,
  specialization: 'Cardiology',
  licenseNumber: `KMC-${Math.floor(Math.random() * 1e6)}`,
  yearsOfExperience: 12,
  consultationFee: { amount: 50000, currency: 'INR' },
  city: 'Bengaluru',
  languages: ['English', 'Kannada'],
});

const THROTTLE_WINDOW_MS = 60_000;

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin({
    LOGIN_THROTTLE_LIMIT: '5',
    AUTH_THROTTLE_WINDOW_SECONDS: String(THROTTLE_WINDOW_MS / 1000),
  }));
}, 90000);

/**
 * The gateway's counts are exact within one window aligned to the clock and estimated across its
 * end, the previous window weighed as if its attempts were spread evenly
 * (http/throttling/sliding-window.ts): a run of attempts that straddles a window's end may count one
 * fewer. Waits for a fresh window when the current one has less than `needed` left.
 */
const withinOneThrottleWindow = async (needed: number): Promise<void> => {
  const left = THROTTLE_WINDOW_MS - (Date.now() % THROTTLE_WINDOW_MS);
  if (left < needed) await new Promise((resolve) => setTimeout(resolve, left + 50));
};

afterAll(async () => {
  await platform?.stop();
});

describe('patients', () => {
  it('register signs the patient in, and the profile is theirs', async () => {
    const fields = {
      ...CONSENT,
      email: email('asha'),
      password: 'patient-pass-1',
      fullName: 'Asha Rao',
      phone: '+91 98450 00000',
      dateOfBirth: '1990-04-02',
      gender: 'female',
    };
    const registered = await call<AuthBody>('POST', '/api/patients/register', { body: fields });
    expect(registered.status).toBe(201);
    expect(registered.body.user).toEqual({
      id: expect.any(String),
      role: 'patient',
      email: fields.email,
      fullName: 'Asha Rao',
      privacyNotice: { version: PRIVACY_NOTICE_VERSION, acceptedAt: expect.any(String) },
    });
    expect(registered.body.accessToken).toEqual(expect.any(String));
    // The account keeps the version accepted: signing in again says it too.
    const login = await call<AuthBody>('POST', '/api/patients/login', {
      body: { email: fields.email, password: fields.password },
    });
    expect(login.body.user).toMatchObject({ privacyNotice: registered.body.user.privacyNotice });

    const me = await call('GET', '/api/patients/me', { token: registered.body.accessToken });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      id: registered.body.user.id,
      fullName: 'Asha Rao',
      dateOfBirth: '1990-04-02',
      gender: 'female',
    });

    const patched = await call('PATCH', '/api/patients/me', {
      token: registered.body.accessToken,
      body: { phone: '+91 90000 11111' },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ phone: '+91 90000 11111', fullName: 'Asha Rao' });

    const dashboard = await call('GET', '/api/patients/me/dashboard', { token: registered.body.accessToken });
    expect(dashboard.status).toBe(200);
    expect(dashboard.body).toMatchObject({ upcomingAppointments: [], unreadMessages: 0 });
  });

  it("a new name on the profile becomes the account name: login and the admins' list say it", async () => {
    const patient = { ...CONSENT, email: email('kiran'), password: 'patient-pass-1', fullName: 'Kiran Shah' };
    const registered = await call<AuthBody>('POST', '/api/patients/register', { body: patient });
    expect(registered.status).toBe(201);
    const doctor = doctorFields('Anil Menon');
    const doctorRegistered = await call<AuthBody>('POST', '/api/doctors/register', { body: doctor });
    expect(doctorRegistered.status).toBe(201);

    expect(
      (
        await call('PATCH', '/api/patients/me', {
          token: registered.body.accessToken,
          body: { fullName: 'किरण शाह' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await call('PATCH', '/api/doctors/me', {
          token: doctorRegistered.body.accessToken,
          body: { fullName: 'Anil K. Menon' },
        })
      ).status,
    ).toBe(200);

    // Polled through the admins' list: logins are throttled per email.
    const listedName = async (role: string, id: string) =>
      (
        await call<PageBody<{ id: string; fullName: string }>>('GET', `/api/admin/users?role=${role}`, {
          token: adminToken,
        })
      ).body.items.find((user) => user.id === id)?.fullName;
    await waitFor(
      async () => (await listedName('patient', registered.body.user.id)) === 'किरण शाह',
      5000,
      'patient account renamed',
    );
    await waitFor(
      async () => (await listedName('doctor', doctorRegistered.body.user.id)) === 'Anil K. Menon',
      5000,
      'doctor account renamed',
    );
    const patientLogin = await call<AuthBody>('POST', '/api/patients/login', {
      body: { email: patient.email, password: patient.password },
    });
    expect(patientLogin.body.user.fullName).toBe('किरण शाह');
    const doctorLogin = await call<AuthBody>('POST', '/api/doctors/login', {
      body: { email: doctor.email, password: doctor.password },
    });
    expect(doctorLogin.body.user.fullName).toBe('Anil K. Menon');
  });

  it('a duplicate email is 409, whatever its case', async () => {
    const fields = { ...CONSENT, email: email('dup'), password: 'patient-pass-1', fullName: 'Dup Licate' };
    expect((await call('POST', '/api/patients/register', { body: fields })).status).toBe(201);
    const again = await call<ErrorBody>('POST', '/api/patients/register', {
      body: { ...fields, email: fields.email.toUpperCase() },
    });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'conflict',
      message: 'An account with this email already exists.',
    });
  });

  it('wrong password, unknown email and the wrong door answer the same 401', async () => {
    const fields = { ...CONSENT, email: email('lata'), password: 'patient-pass-1', fullName: 'Lata M' };
    await call('POST', '/api/patients/register', { body: fields });
    const ok = await call<AuthBody>('POST', '/api/patients/login', {
      body: { email: fields.email, password: fields.password },
    });
    expect(ok.status).toBe(200);
    const wrong = await call('POST', '/api/patients/login', {
      body: { email: fields.email, password: 'not-the-password' },
    });
    const unknown = await call('POST', '/api/patients/login', {
      body: { email: email('nobody'), password: 'whatever-1' },
    });
    const door = await call('POST', '/api/doctors/login', {
      body: { email: fields.email, password: fields.password },
    });
    for (const answer of [wrong, unknown, door]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(wrong.body);
    }
  });

  it('refresh rotates; reusing a used token revokes the whole family; logout ends the session', async () => {
    const { body: session } = await call<AuthBody>('POST', '/api/patients/register', {
      body: { ...CONSENT, email: email('rot'), password: 'patient-pass-1', fullName: 'Rota Tion' },
    });
    const first = await call<AuthBody>('POST', '/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(session.refreshToken);

    const reuse = await call<ErrorBody>('POST', '/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(reuse.status).toBe(401);
    // The thief's reuse also signs out the legitimate successor.
    const successor = await call('POST', '/api/auth/refresh', {
      body: { refreshToken: first.body.refreshToken },
    });
    expect(successor.status).toBe(401);

    const login = await call<AuthBody>('POST', '/api/patients/login', {
      body: { email: session.user.email, password: 'patient-pass-1' },
    });
    const out = await call('POST', '/api/auth/logout', {
      token: login.body.accessToken,
      body: { refreshToken: login.body.refreshToken },
    });
    expect(out.status).toBe(204);
    expect(
      (await call('POST', '/api/auth/refresh', { body: { refreshToken: login.body.refreshToken } })).status,
    ).toBe(401);
  });
});

describe('bad input is refused with details and stores nothing', () => {
  it('missing and wrong-typed fields', async () => {
    const answer = await call<ErrorBody>('POST', '/api/doctors/register', {
      body: {
        email: 'not-an-email',
        password: 123,
        yearsOfExperience: 'ten',
        consultationFee: { amount: 1.5, currency: 'USD' },
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toBe('Bad Request');
    const fields = answer.body.details?.map((d) => d.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        'email',
        'password',
        'fullName',
        'specialization',
        'licenseNumber',
        'yearsOfExperience',
        'consultationFee.amount',
        'consultationFee.currency',
        'privacyNoticeVersion',
      ]),
    );
  });

  it('registration needs the current privacy notice: the one served publicly', async () => {
    const notice = await call<{ version: string; sections: { heading: string; text: string }[] }>(
      'GET',
      '/api/privacy-notice',
    );
    expect(notice.status).toBe(200);
    expect(notice.body.version).toBe(PRIVACY_NOTICE_VERSION);
    expect(notice.body.sections.length).toBeGreaterThan(0);

    const fields = { email: email('consent'), password: 'patient-pass-1', fullName: 'Con Sent' };
    const missing = await call<ErrorBody>('POST', '/api/patients/register', { body: fields });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toContainEqual({
      field: 'privacyNoticeVersion',
      problem: 'is required: read and accept the privacy notice',
    });
    expect(new Set(missing.body.details?.map((d) => d.field))).toEqual(new Set(['privacyNoticeVersion']));
    const outdated = await call<ErrorBody & { code: string }>('POST', '/api/doctors/register', {
      body: { ...doctorFields('Old Notice'), privacyNoticeVersion: '2020-01-01' },
    });
    expect(outdated.status).toBe(400);
    expect(outdated.body).toMatchObject({
      code: 'privacy_notice_outdated',
      details: [{ field: 'privacyNoticeVersion', problem: expect.stringContaining(PRIVACY_NOTICE_VERSION) }],
    });
    // Neither refusal made an account: the address is still free.
    const registered = await call('POST', '/api/patients/register', { body: { ...CONSENT, ...fields } });
    expect(registered.status).toBe(201);
  });

  it('unknown fields', async () => {
    const answer = await call<ErrorBody>('POST', '/api/patients/register', {
      body: {
        ...CONSENT,
        email: email('x'),
        password: 'patient-pass-1',
        fullName: 'Role Play',
        role: 'admin',
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details).toEqual([{ field: 'role', problem: 'property role should not exist' }]);
  });

  it('operator injection', async () => {
    const before = await call<PageBody<unknown>>('GET', '/api/admin/users?role=patient&limit=1', {
      token: adminToken,
    });
    const login = await call<ErrorBody>('POST', '/api/patients/login', {
      body: { email: { $gt: '' }, password: { $ne: null } },
    });
    expect(login.status).toBe(400);
    expect(login.body.details?.map((d) => d.field)).toEqual(expect.arrayContaining(['email', 'password']));
    const register = await call('POST', '/api/patients/register', {
      body: { email: { $gt: '' }, password: 'patient-pass-1', fullName: 'Inject' },
    });
    expect(register.status).toBe(400);
    const after = await call<PageBody<unknown>>('GET', '/api/admin/users?role=patient&limit=1', {
      token: adminToken,
    });
    expect(after.body.total).toBe(before.body.total);
  });

  it('malformed JSON and oversize bodies', async () => {
    const malformed = await call<ErrorBody>('POST', '/api/patients/login', { raw: '{"email": "a@b.c", ' });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const huge = await call<ErrorBody>('POST', '/api/patients/register', {
      body: { ...CONSENT, email: email('big'), password: 'patient-pass-1', fullName: 'x'.repeat(300_000) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      code: 'payload_too_large',
      message: 'The request body is too large.',
    });
  });

  it('bad query parameters', async () => {
    const answer = await call<ErrorBody>('GET', '/api/doctors?page=0&limit=1000&sort=evil');
    expect(answer.status).toBe(400);
    expect(answer.body.details?.map((d) => d.field)).toEqual(
      expect.arrayContaining(['page', 'limit', 'sort']),
    );
  });
});

describe('doctor verification', () => {
  it('a new doctor waits, is hidden, and appears in search once an admin approves', async () => {
    const fields = doctorFields('Meera Iyer');
    const registered = await call<AuthBody>('POST', '/api/doctors/register', { body: fields });
    expect(registered.status).toBe(201);
    const doctorId = registered.body.user.id;

    const own = await call<DoctorBody>('GET', '/api/doctors/me', { token: registered.body.accessToken });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      id: doctorId,
      verificationStatus: 'pending',
      licenseNumber: fields.licenseNumber,
    });

    expect((await call('GET', `/api/doctors/${doctorId}`)).status).toBe(404);
    const hidden = await call<PageBody<DoctorBody>>('GET', '/api/doctors?q=meera');
    expect(hidden.body.items.map((d) => d.id)).not.toContain(doctorId);
    // Admins see unverified profiles.
    expect((await call('GET', `/api/doctors/${doctorId}`, { token: adminToken })).status).toBe(200);

    const queue = await call<PageBody<DoctorBody>>('GET', '/api/admin/doctors?verificationStatus=pending', {
      token: adminToken,
    });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((d) => d.id)).toContain(doctorId);

    const approved = await call<DoctorBody>('POST', `/api/admin/doctors/${doctorId}/verify`, {
      token: adminToken,
      body: { decision: 'approved', note: 'Registration number checked' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.verificationStatus).toBe('approved');

    // The same search as before the approval: the gateway's cached answer is dropped by the
    // change notification (well within its 30 s expiry).
    await waitFor(
      async () =>
        (await call<PageBody<DoctorBody>>('GET', '/api/doctors?q=meera')).body.items.some(
          (d) => d.id === doctorId,
        ),
      2000,
      'the approved doctor in the search answered before the approval',
    );
    const found = await call<PageBody<DoctorBody>>(
      'GET',
      '/api/doctors?q=IYER&specialization=cardiology&city=bengaluru&language=kannada',
    );
    expect(found.status).toBe(200);
    expect(found.body.items.map((d) => d.id)).toContain(doctorId);
    expect(found.body.items[0]).toEqual(
      expect.objectContaining({
        fullName: 'Meera Iyer',
        consultationFee: { amount: 50000, currency: 'INR' },
        rating: 0,
        reviewCount: 0,
      }),
    );
    expect((await call('GET', `/api/doctors/${doctorId}`)).status).toBe(200);
  });

  it('a rejection needs a reason; the rejected doctor is emailed it, sees it, stays hidden, and resubmits', async () => {
    const fields = {
      ...doctorFields('Rejected Rao'),
      registrationCouncil: 'Karnataka Medical Council',
      registrationYear: 2011,
    };
    const futureYear = await call('POST', '/api/doctors/register', {
      body: { ...doctorFields('Future Rao'), registrationYear: new Date().getUTCFullYear() + 1 },
    });
    expect(futureYear).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
    const registered = await call<AuthBody>('POST', '/api/doctors/register', { body: fields });
    const id = registered.body.user.id;
    const doctorToken = registered.body.accessToken;
    for (const body of [{ decision: 'rejected' }, { decision: 'rejected', note: '   ' }]) {
      const unexplained = await call('POST', `/api/admin/doctors/${id}/verify`, { token: adminToken, body });
      expect(unexplained).toMatchObject({ status: 400, body: { code: 'invalid_input' } });
    }
    // Sending for review again is only for a rejected registration.
    expect((await call('POST', '/api/doctors/me/verification/resubmit', { token: doctorToken })).status).toBe(
      409,
    );

    const rejected = await call('POST', `/api/admin/doctors/${id}/verify`, {
      token: adminToken,
      body: { decision: 'rejected', note: 'License not found in the state register' },
    });
    expect(rejected.status).toBe(200);
    const own = await call('GET', '/api/doctors/me', { token: doctorToken });
    expect(own.body).toMatchObject({
      verificationStatus: 'rejected',
      verificationNote: 'License not found in the state register',
    });
    expect((await call('GET', `/api/doctors/${id}`)).status).toBe(404);
    const letter = await nthEmailTo(platform.outboxDir, fields.email, 1);
    expect(letter.subject).toBe('Your Arogyam registration could not be verified');
    expect(letter.text).toContain('Reason: License not found in the state register');

    // The doctor corrects their licence details and sends them for review again: pending, in the admins' queue.
    const corrected = await call('PATCH', '/api/doctors/me', {
      token: doctorToken,
      body: { licenseNumber: 'KMC-2011-4471', registrationYear: 2012 },
    });
    expect(corrected).toMatchObject({
      status: 200,
      body: {
        licenseNumber: 'KMC-2011-4471',
        registrationCouncil: 'Karnataka Medical Council',
        registrationYear: 2012,
      },
    });
    const resubmitted = await call('POST', '/api/doctors/me/verification/resubmit', { token: doctorToken });
    expect(resubmitted).toMatchObject({ status: 200, body: { verificationStatus: 'pending' } });
    const queue = await call<PageBody<DoctorBody>>(
      'GET',
      '/api/admin/doctors?verificationStatus=pending&limit=100',
      {
        token: adminToken,
      },
    );
    expect(queue.body.items.find((doctor) => doctor.id === id)).toMatchObject({
      licenseNumber: 'KMC-2011-4471',
      registrationCouncil: 'Karnataka Medical Council',
      registrationYear: 2012,
      verificationNote: 'License not found in the state register',
    });
    expect((await call('POST', '/api/doctors/me/verification/resubmit', { token: adminToken })).status).toBe(
      403,
    );

    const approved = await call('POST', `/api/admin/doctors/${id}/verify`, {
      token: adminToken,
      body: { decision: 'approved' },
    });
    expect(approved.status).toBe(200);
    const welcome = await nthEmailTo(platform.outboxDir, fields.email, 2);
    expect(welcome.subject).toBe('Your Arogyam registration is verified');
    // Verified licence details are fixed now.
    const late = await call('PATCH', '/api/doctors/me', {
      token: doctorToken,
      body: { registrationYear: 2013 },
    });
    expect(late.status).toBe(409);
  });

  it('a doctor uploads verification documents; admins open them, other doctors cannot; bad files are refused', async () => {
    const registered = await call<AuthBody>('POST', '/api/doctors/register', {
      body: doctorFields('Documented Das'),
    });
    const id = registered.body.user.id;
    const token = registered.body.accessToken;
    const certificate = Buffer.concat([
      Buffer.from('%PDF-1.7\n% Registration certificate\n'),
      Buffer.alloc(50_000, 3),
    ]);
    const upload = async (bytes: Buffer, name: string, as = token) => {
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'application/pdf' }), name);
      const response = await fetch(`${platform.baseUrl}/api/doctors/me/documents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${as}` },
        body: form,
      });
      return { status: response.status, body: (await response.json()) as { documents?: { id: string }[] } };
    };
    const fetchFile = async (path: string, as: string) => {
      const response = await fetch(`${platform.baseUrl}${path}`, {
        headers: { authorization: `Bearer ${as}` },
      });
      return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
    };

    const uploaded = await upload(certificate, 'NMC certificate.pdf');
    expect(uploaded.status).toBe(201);
    const [document] = uploaded.body.documents ?? [];
    expect(document).toMatchObject({
      fileName: 'NMC certificate.pdf',
      contentType: 'application/pdf',
      size: certificate.length,
    });
    expect((await upload(Buffer.from('MZ\x90 not a certificate', 'latin1'), 'cert.pdf')).status).toBe(415);
    expect((await upload(Buffer.alloc(5 * 1024 * 1024 + 1, 1), 'huge.pdf')).status).toBe(413);
    expect((await upload(certificate, 'mine.pdf', adminToken)).status).toBe(403);

    const queue = await call<PageBody<DoctorBody & { documents: unknown[] }>>(
      'GET',
      '/api/admin/doctors?verificationStatus=pending&limit=100',
      { token: adminToken },
    );
    expect(queue.body.items.find((doctor) => doctor.id === id)?.documents).toEqual([document]);
    const byAdmin = await fetchFile(`/api/admin/doctors/${id}/documents/${document.id}/file`, adminToken);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.bytes.equals(certificate)).toBe(true);
    expect((await fetchFile(`/api/doctors/me/documents/${document.id}/file`, token)).status).toBe(200);
    const other = await call<AuthBody>('POST', '/api/doctors/register', { body: doctorFields('Nosy Nair') });
    expect(
      (await fetchFile(`/api/doctors/me/documents/${document.id}/file`, other.body.accessToken)).status,
    ).toBe(404);
    expect(
      (await fetchFile(`/api/admin/doctors/${id}/documents/${document.id}/file`, other.body.accessToken))
        .status,
    ).toBe(403);

    const removed = await call<{ documents: unknown[] }>(
      'DELETE',
      `/api/doctors/me/documents/${document.id}`,
      {
        token,
      },
    );
    expect(removed).toMatchObject({ status: 200, body: { documents: [] } });
    expect(
      (await fetchFile(`/api/admin/doctors/${id}/documents/${document.id}/file`, adminToken)).status,
    ).toBe(404);
  });

  it('search paginates', async () => {
    const specialization = `Nephrology${Math.random().toString(36).slice(2, 6)}`;
    for (let i = 0; i < 3; i += 1) {
      const { body } = await call<AuthBody>('POST', '/api/doctors/register', {
        body: { ...doctorFields(`Page Doc ${i}`), specialization },
      });
      await call('POST', `/api/admin/doctors/${body.user.id}/verify`, {
        token: adminToken,
        body: { decision: 'approved' },
      });
    }
    const page1 = await call<PageBody<DoctorBody>>(
      'GET',
      `/api/doctors?specialization=${specialization}&limit=2&page=1`,
    );
    const page2 = await call<PageBody<DoctorBody>>(
      'GET',
      `/api/doctors?specialization=${specialization}&limit=2&page=2`,
    );
    expect(page1.body).toMatchObject({ total: 3, page: 1, limit: 2 });
    expect(page1.body.items).toHaveLength(2);
    expect(page2.body.items).toHaveLength(1);
    const ids = [...page1.body.items, ...page2.body.items].map((d) => d.id);
    expect(new Set(ids).size).toBe(3);
  });
});

describe('admin and roles', () => {
  it('only admins reach admin routes', async () => {
    const { body } = await call<AuthBody>('POST', '/api/patients/register', {
      body: { ...CONSENT, email: email('nosy'), password: 'patient-pass-1', fullName: 'No Sy' },
    });
    const answer = await call<ErrorBody>('GET', '/api/admin/users', { token: body.accessToken });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe('Forbidden');
    expect((await call('GET', '/api/admin/users')).status).toBe(401);
    expect((await call('GET', '/api/doctors/me', { token: body.accessToken })).status).toBe(403);
  });

  it('lists users with role and status filters', async () => {
    const users = await call<PageBody<{ role: string; status: string }>>(
      'GET',
      '/api/admin/users?role=doctor&page=1&limit=5',
      { token: adminToken },
    );
    expect(users.status).toBe(200);
    expect(users.body.items.length).toBeGreaterThan(0);
    expect(
      users.body.items.every((u) => u.role === 'doctor' && ['active', 'suspended'].includes(u.status)),
    ).toBe(true);
  });

  it('admins search users by name (any case, accents), email prefix and phone ending; others get 403', async () => {
    // A unique surname and number per run, so earlier runs' users never match.
    const tag = Math.random().toString(36).replace(/[^a-z]/g, '').slice(0, 6).padEnd(6, 'q');
    const digits = String(Math.floor(1000 + Math.random() * 9000));
    const fields = {
      ...CONSENT,
      email: `zoe.${tag}-${digits}@e2e.test`,
      password: 'patient-pass-1',
      fullName: `Zoë Séverin${tag}`,
      phone: `+91 98450 1${digits}`,
    };
    const registered = await call<AuthBody>('POST', '/api/patients/register', { body: fields });
    expect(registered.status).toBe(201);
    const other = await call<AuthBody>('POST', '/api/patients/register', {
      body: { ...CONSENT, email: email('zed other'), password: 'patient-pass-1', fullName: `Zed Other${tag}` },
    });
    const found = async (q: string) => {
      const answer = await call<PageBody<{ id: string; email: string }>>(
        'GET',
        `/api/admin/users?q=${encodeURIComponent(q)}`,
        { token: adminToken },
      );
      expect(answer.status).toBe(200);
      return answer.body.items.map((user) => user.id);
    };
    const id = registered.body.user.id;
    expect(await found(`SEVERIN${tag.slice(0, 3).toUpperCase()}`)).toEqual([id]);
    expect(await found(`zoë`.normalize('NFD') + ` séverin${tag}`)).toEqual([id]);
    expect(await found(`zoe severin${tag}`)).toEqual([id]);
    expect(await found(`ZOE.${tag}`)).toEqual([id]);
    expect(await found(`zoe.${tag}-${digits}@e2e`)).toEqual([id]);
    expect(await found(`1${digits}`)).toContain(id);
    expect(await found(`+91 98450 1${digits}`)).toContain(id);
    expect(await found(`098450-1${digits}`)).toContain(id);
    expect(await found(`Zoë Séverin${tag}x`)).toEqual([]);
    expect(await found(`severin${tag}`)).not.toContain(other.body.user.id);
    expect(await found(`other${tag}`)).toEqual([other.body.user.id]);
    // Role and status still narrow a search.
    const doctorsOnly = await call<PageBody<unknown>>(
      'GET',
      `/api/admin/users?q=${encodeURIComponent(`zoe.${tag}`)}&role=doctor`,
      { token: adminToken },
    );
    expect(doctorsOnly.body.total).toBe(0);

    const doctor = await call<AuthBody>('POST', '/api/doctors/register', { body: doctorFields('Dr Searcher') });
    for (const token of [registered.body.accessToken, doctor.body.accessToken]) {
      expect((await call('GET', `/api/admin/users?q=zoe`, { token })).status).toBe(403);
    }
    const tooLong = await call<ErrorBody>('GET', `/api/admin/users?q=${'a'.repeat(101)}`, { token: adminToken });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details?.map((detail) => detail.field)).toContain('q');
    expect((await call('GET', '/api/admin/users?q=a&q=b', { token: adminToken })).status).toBe(400);
  });

  it('a suspended user is refused at once, live token included, and can come back', async () => {
    const fields = { ...CONSENT, email: email('sus'), password: 'patient-pass-1', fullName: 'Sus Pended' };
    const { body: session } = await call<AuthBody>('POST', '/api/patients/register', { body: fields });
    // Both gateways now hold the account as active in their status caches.
    const callOther = httpClient(await platform.startGateway());
    expect((await call('GET', '/api/patients/me', { token: session.accessToken })).status).toBe(200);
    expect((await callOther('GET', '/api/patients/me', { token: session.accessToken })).status).toBe(200);

    const suspended = await call('POST', `/api/admin/users/${session.user.id}/suspend`, {
      token: adminToken,
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toMatchObject({ status: 'suspended' });

    const live = await call<ErrorBody>('GET', '/api/patients/me', { token: session.accessToken });
    expect(live.status).toBe(403);
    expect(live.body.message).toMatch(/suspended/);
    // The other gateway hears the suspension from NATS, not from this request.
    await waitFor(
      async () => (await callOther('GET', '/api/patients/me', { token: session.accessToken })).status === 403,
      5000,
      'the other gateway to refuse the suspended account',
    );
    expect(
      (
        await call('POST', '/api/patients/login', {
          body: { email: fields.email, password: fields.password },
        })
      ).status,
    ).toBe(403);
    expect(
      (await call('POST', '/api/auth/refresh', { body: { refreshToken: session.refreshToken } })).status,
    ).toBe(401);

    expect(
      (await call('POST', `/api/admin/users/${session.user.id}/reactivate`, { token: adminToken })).status,
    ).toBe(200);
    expect(
      (
        await call('POST', '/api/patients/login', {
          body: { email: fields.email, password: fields.password },
        })
      ).status,
    ).toBe(200);
  });

  it('a suspended doctor leaves search and returns on reactivation', async () => {
    const { body } = await call<AuthBody>('POST', '/api/doctors/register', {
      body: doctorFields('Susheela Suspended'),
    });
    await call('POST', `/api/admin/doctors/${body.user.id}/verify`, {
      token: adminToken,
      body: { decision: 'approved' },
    });
    const visible = async () =>
      (await call<PageBody<DoctorBody>>('GET', '/api/doctors?q=susheela')).body.items.some(
        (d) => d.id === body.user.id,
      );
    expect(await visible()).toBe(true);
    await call('POST', `/api/admin/users/${body.user.id}/suspend`, { token: adminToken });
    await waitFor(async () => !(await visible()), 10000, 'suspended doctor to leave search');
    await call('POST', `/api/admin/users/${body.user.id}/reactivate`, { token: adminToken });
    await waitFor(visible, 10000, 'reactivated doctor to return to search');
  });
});

describe('operations', () => {
  it('health lists every service', async () => {
    const health = await call('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({
      status: 'ok',
      services: {
        user: 'up',
        doctor: 'up',
        patient: 'up',
        appointment: 'up',
        chat: 'up',
        prescription: 'up',
        payment: 'up',
        notification: 'up',
        video: 'up',
        audit: 'up',
        analytics: 'up',
      },
    });
  });

  it('echoes a request id', async () => {
    const answer = await call('GET', '/api/doctors', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(answer.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('CORS allows only configured origins', async () => {
    const allowed = await fetch(`${platform.baseUrl}/api/doctors`, {
      headers: { origin: 'http://allowed.test' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://allowed.test');
    const other = await fetch(`${platform.baseUrl}/api/doctors`, { headers: { origin: 'http://evil.test' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves OpenAPI docs, with the error body and its codes', async () => {
    const docs = await fetch(`${platform.baseUrl}/api/docs-json`);
    expect(docs.status).toBe(200);
    const spec = (await docs.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/doctors', '/api/admin/users', '/api/auth/refresh']),
    );
    expect(spec.components.schemas.ErrorBody.properties.code.enum).toEqual(Object.keys(ERROR_CODES));
    expect(spec.paths['/api/appointments'].post.responses.default).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
    });
  });

  it('gives every error body a code: from the status, or finer where the service gives one', async () => {
    const call = httpClient(platform.baseUrl);
    expect((await call('GET', '/api/patients/me')).body).toMatchObject({
      statusCode: 401,
      code: 'not_signed_in',
    });
    expect((await call('GET', '/api/doctors/no-such-doctor')).body).toMatchObject({
      statusCode: 404,
      code: 'not_found',
    });
    expect((await call('POST', '/api/patients/register', { body: { email: 'x' } })).body).toMatchObject({
      statusCode: 400,
      code: 'invalid_input',
    });
    expect(
      (
        await call('POST', '/api/patients/register', {
          raw: '{"broken',
          headers: { 'content-type': 'application/json' },
        })
      ).body,
    ).toMatchObject({
      statusCode: 400,
      code: 'invalid_input',
    });
  });

  it('throttles logins per IP and email', async () => {
    const target = email('brute');
    const statuses: number[] = [];
    await withinOneThrottleWindow(25_000);
    const windowOfFirst = Math.floor(Date.now() / THROTTLE_WINDOW_MS);
    for (let i = 0; i < 6; i += 1) {
      statuses.push(
        (await call('POST', '/api/patients/login', { body: { email: target, password: `guess-${i}-xx` } }))
          .status,
      );
    }
    // Six password checks outlasting 25 s would say more about the machine than the throttle.
    expect(Math.floor(Date.now() / THROTTLE_WINDOW_MS)).toBe(windowOfFirst);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    // Another email from the same address is not locked out.
    expect(
      (await call('POST', '/api/patients/login', { body: { email: email('other'), password: 'guess-xx-1' } }))
        .status,
    ).toBe(401);
  });

  it('Socket.IO refuses a bad token with a clear error and accepts a good one', async () => {
    const connect = (token: string): Promise<{ ok: boolean; message?: string; socket: Socket }> =>
      new Promise((resolve) => {
        const socket = io(platform.baseUrl, {
          path: '/socket.io',
          auth: { token },
          transports: ['websocket'],
          reconnection: false,
        });
        socket.on('connect', () => resolve({ ok: true, socket }));
        socket.on('connect_error', (error) => resolve({ ok: false, message: error.message, socket }));
      });
    const bad = await connect('not-a-jwt');
    expect(bad.ok).toBe(false);
    expect(bad.message).toMatch(/Authentication failed/);
    bad.socket.close();
    const { body } = await call<AuthBody>('POST', '/api/patients/register', {
      body: { ...CONSENT, email: email('sock'), password: 'patient-pass-1', fullName: 'So Cket' },
    });
    const good = await connect(body.accessToken);
    expect(good.ok).toBe(true);
    good.socket.close();
  });

  it('repeated searches are answered by the gateway, new ones need doctor-service', async () => {
    const repeated = '/api/doctors?specialization=cardiology&page=1';
    // No answer is cached within 1 s of a listing change (the settle window), and the tests above made some.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await call('GET', repeated)).status).toBe(200);
    await platform.processes.get('doctor-service')?.stop();
    try {
      const cached = await call<PageBody<DoctorBody>>('GET', repeated);
      expect(cached.status).toBe(200);
      expect((await call('GET', '/api/doctors?specialization=dermatology&page=1')).status).toBe(503);
    } finally {
      await platform.startService('doctor-service');
    }
  });

  it('a stopped user-service makes login 503 within 2 s, and login works again once it is back', async () => {
    const fields = { ...CONSENT, email: email('outage'), password: 'patient-pass-1', fullName: 'Out Age' };
    await call('POST', '/api/patients/register', { body: fields });
    await platform.processes.get('user-service')?.stop();

    const started = Date.now();
    const down = await call<ErrorBody>('POST', '/api/patients/login', {
      body: { email: fields.email, password: fields.password },
    });
    expect(Date.now() - started).toBeLessThan(2000);
    expect(down.status).toBe(503);
    expect(down.body.message).toMatch(/user service is unavailable/);
    const health = await call('GET', '/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ services: { user: 'down' } });

    await platform.startService('user-service');
    const back = await call<AuthBody>('POST', '/api/patients/login', {
      body: { email: fields.email, password: fields.password },
    });
    expect(back.status).toBe(200);
  });
});
