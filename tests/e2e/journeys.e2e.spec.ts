import type {
  AppointmentPatientView,
  AppointmentView,
  DoctorProfileView,
  DoctorPublicProfileView,
  DoctorSummary,
  Page,
} from '@arogyam/contracts';
import { waitFor } from '@arogyam/testing';
import { httpClient } from './http';
import {
  CONSENT,
  bookFirstFreeSlot,
  registerPatient,
  uniqueEmail,
  verifiedDoctorWithHours,
  type Person,
} from './people';
import { startPlatformAsAdmin, type Platform } from './platform';
import { socketPool } from './sockets';

let platform: Platform;
let call: ReturnType<typeof httpClient>;
let adminToken: string;

const PHOTO = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`;
const CLINIC = { name: 'Heartline Clinic', addressLine: '12 MG Road, Indiranagar', city: 'Bengaluru' };

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin({ AUTH_THROTTLE_IP_LIMIT: '1000' }));
}, 90000);

const sockets = socketPool();

afterAll(async () => {
  sockets.closeAll();
  await platform?.stop();
});

describe('doctor profile: qualifications, clinic and photo', () => {
  let doctor: Person;

  beforeAll(async () => {
    doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Leela Krishnan');
  });

  it('are saved, shown on the profile and on the search card', async () => {
    const saved = await call<DoctorProfileView>('PATCH', '/api/doctors/me', {
      token: doctor.token,
      body: { qualifications: '  MBBS, MD (Cardiology) ', clinic: CLINIC, photo: PHOTO },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      qualifications: 'MBBS, MD (Cardiology)',
      clinic: CLINIC,
      photo: PHOTO,
    });

    const profile = await call<DoctorPublicProfileView>('GET', `/api/doctors/${doctor.id}`);
    expect(profile.body).toMatchObject({
      qualifications: 'MBBS, MD (Cardiology)',
      clinic: CLINIC,
      photo: PHOTO,
    });
    const found = await call<Page<DoctorSummary>>('GET', '/api/doctors?q=Leela');
    expect(found.body.items.find((item) => item.id === doctor.id)).toMatchObject({
      qualifications: 'MBBS, MD (Cardiology)',
      clinic: CLINIC,
      photo: PHOTO,
    });
  });

  it.each([
    ['a one-letter qualification', { qualifications: 'M' }],
    ['an over-long qualification', { qualifications: 'M'.repeat(201) }],
    ['a clinic without an address', { clinic: { name: 'Heartline', city: 'Pune' } }],
    ['a clinic that is text', { clinic: 'Heartline' }],
    ['a clinic with an unknown field', { clinic: { ...CLINIC, phone: '1' } }],
    ['a photo that is a web address', { photo: 'https://example.com/me.png' }],
    ['a photo of another type', { photo: 'data:text/html;base64,PGgxPg==' }],
    ['an over-large photo', { photo: `data:image/png;base64,${'A'.repeat(24_000)}` }],
  ])('refuses %s with 400 and details, changing nothing', async (_what, body) => {
    const answer = await call<{ details?: unknown[] }>('PATCH', '/api/doctors/me', {
      token: doctor.token,
      body,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details?.length).toBeGreaterThan(0);
    const profile = await call<DoctorProfileView>('GET', '/api/doctors/me', { token: doctor.token });
    expect(profile.body).toMatchObject({
      qualifications: 'MBBS, MD (Cardiology)',
      clinic: CLINIC,
      photo: PHOTO,
    });
  });

  it('clears degrees and photo with empty text, keeping the clinic', async () => {
    const cleared = await call<DoctorProfileView>('PATCH', '/api/doctors/me', {
      token: doctor.token,
      body: { qualifications: '', photo: '' },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body.qualifications).toBeUndefined();
    expect(cleared.body.photo).toBeUndefined();
    expect(cleared.body.clinic).toEqual(CLINIC);
  });
});

describe("an appointment's patient, for its doctor only", () => {
  let doctor: Person;
  let otherDoctor: Person;
  let patient: Person;
  let appointmentId: string;
  const email = uniqueEmail('Kiran Shetty');

  beforeAll(async () => {
    doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Asha Kamath');
    otherDoctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Other Doctor');
    const registered = await call<{ user: { id: string }; accessToken: string }>(
      'POST',
      '/api/patients/register',
      {
        body: {
          ...CONSENT,
          email,
          password: 'patient-pass-1',
          fullName: 'Kiran Shetty',
          phone: '+91 98450 12345',
          gender: 'male',
          dateOfBirth: '1990-01-01',
        },
      },
    );
    patient = { id: registered.body.user.id, token: registered.body.accessToken };
    appointmentId = (await bookFirstFreeSlot(call, doctor, patient)).id;
  });

  it('shows the doctor contact, age and gender', async () => {
    const answer = await call<AppointmentPatientView>('GET', `/api/appointments/${appointmentId}/patient`, {
      token: doctor.token,
    });
    expect(answer.status).toBe(200);
    const today = new Date();
    const age = today.getUTCFullYear() - 1990;
    expect(answer.body).toEqual({
      id: patient.id,
      fullName: 'Kiran Shetty',
      email,
      phone: '+91 98450 12345',
      dateOfBirth: '1990-01-01',
      age,
      gender: 'male',
    });
  });

  it('leaves out what the patient did not give', async () => {
    const quiet = await registerPatient(call, 'Quiet Patient');
    const booked = await bookFirstFreeSlot(call, doctor, quiet);
    const answer = await call<AppointmentPatientView>('GET', `/api/appointments/${booked.id}/patient`, {
      token: doctor.token,
    });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body).sort()).toEqual(['email', 'fullName', 'id']);
  });

  it('is 404 for another doctor, 403 for the patient and admins, 401 without a token', async () => {
    const path = `/api/appointments/${appointmentId}/patient`;
    expect((await call('GET', path, { token: otherDoctor.token })).status).toBe(404);
    expect((await call('GET', path, { token: patient.token })).status).toBe(403);
    expect((await call('GET', path, { token: adminToken })).status).toBe(403);
    expect((await call('GET', path)).status).toBe(401);
    expect(
      (await call('GET', '/api/appointments/no-such-appointment/patient', { token: doctor.token })).status,
    ).toBe(404);
  });

  it('is 404 once the appointment is cancelled', async () => {
    const other = await registerPatient(call, 'Cancelling Patient');
    const booked = await bookFirstFreeSlot(call, doctor, other);
    const cancelled = await call('POST', `/api/appointments/${booked.id}/cancel`, {
      token: other.token,
      body: {},
    });
    expect(cancelled.status).toBe(200);
    expect(
      (await call('GET', `/api/appointments/${booked.id}/patient`, { token: doctor.token })).status,
    ).toBe(404);
  });
});

describe('upcoming and past, by time and status', () => {
  const listOf = async (person: Person, when: string): Promise<string[]> => {
    const answer = await call<Page<AppointmentView>>('GET', `/api/appointments?when=${when}`, {
      token: person.token,
    });
    expect(answer.status).toBe(200);
    return answer.body.items.map((item) => item.id);
  };

  it('moves completed, no-show and cancelled visits to past for both sides, upcoming soonest first', async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Split Lists');
    const patient = await registerPatient(call, 'Split Patient');
    const first = await bookFirstFreeSlot(call, doctor, patient);
    const second = await bookFirstFreeSlot(call, doctor, patient);
    const third = await bookFirstFreeSlot(call, doctor, patient);
    const fourth = await bookFirstFreeSlot(call, doctor, patient);
    for (const person of [patient, doctor]) {
      expect(await listOf(person, 'upcoming')).toEqual([first.id, second.id, third.id, fourth.id]);
      expect(await listOf(person, 'past')).toEqual([]);
    }

    const move = (id: string, status: string) =>
      call('POST', `/api/appointments/${id}/status`, { token: doctor.token, body: { status } });
    for (const status of ['checked_in', 'in_consultation', 'completed']) {
      expect((await move(first.id, status)).status).toBe(200);
    }
    expect((await move(second.id, 'no_show')).status).toBe(200);
    const cancelled = await call('POST', `/api/appointments/${third.id}/cancel`, {
      token: patient.token,
      body: {},
    });
    expect(cancelled.status).toBe(200);

    for (const person of [patient, doctor]) {
      expect(await listOf(person, 'upcoming')).toEqual([fourth.id]);
      // Latest start first.
      expect(await listOf(person, 'past')).toEqual([third.id, second.id, first.id]);
    }
    // Checked in is still upcoming.
    expect((await move(fourth.id, 'checked_in')).status).toBe(200);
    expect(await listOf(patient, 'upcoming')).toEqual([fourth.id]);
    // A status asked for narrows the list, never widens it.
    expect(await listOf(patient, 'upcoming&status=cancelled')).toEqual([]);
    expect(await listOf(patient, 'past&status=cancelled')).toEqual([third.id]);
    expect(await listOf(patient, 'upcoming&status=checked_in')).toEqual([fourth.id]);
  });

  it('refuses an unknown list with 400', async () => {
    const patient = await registerPatient(call, 'Curious Patient');
    const answer = await call<{ details?: unknown[] }>('GET', '/api/appointments?when=soon', {
      token: patient.token,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.details?.length).toBeGreaterThan(0);
  });
});

describe('live appointments', () => {
  it("pushes each change to the doctor's and the patient's sockets, and to no one else", async () => {
    const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Live Pushes');
    const patient = await registerPatient(call, 'Live Patient');
    const stranger = await registerPatient(call, 'Live Stranger');
    const [doctorSocket, patientSocket, strangerSocket] = await Promise.all(
      [doctor, patient, stranger].map((person) => sockets.connect(platform.baseUrl, person.token)),
    );
    const received = { doctor: [] as AppointmentView[], patient: [] as AppointmentView[], stranger: 0 };
    doctorSocket.on('appointment:updated', (view: AppointmentView) => received.doctor.push(view));
    patientSocket.on('appointment:updated', (view: AppointmentView) => received.patient.push(view));
    strangerSocket.on('appointment:updated', () => (received.stranger += 1));

    const booked = await bookFirstFreeSlot(call, doctor, patient);
    const moved = await call('POST', `/api/appointments/${booked.id}/status`, {
      token: patient.token,
      body: { status: 'checked_in' },
    });
    expect(moved.status).toBe(200);
    const cancelled = await call('POST', `/api/appointments/${booked.id}/cancel`, {
      token: doctor.token,
      body: {},
    });
    expect(cancelled.status).toBe(200);

    await waitFor(() => received.doctor.length === 3 && received.patient.length === 3, 5000);
    for (const views of [received.doctor, received.patient]) {
      expect(views.map((view) => [view.id, view.status])).toEqual([
        [booked.id, 'booked'],
        [booked.id, 'checked_in'],
        [booked.id, 'cancelled'],
      ]);
    }
    expect(received.stranger).toBe(0);
  });
});
