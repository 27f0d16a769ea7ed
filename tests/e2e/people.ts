import { PRIVACY_NOTICE_VERSION } from '@arogyam/contracts';
import type { httpClient } from './http';

type Call = ReturnType<typeof httpClient>;

export interface Person {
  id: string;
  token: string;
}

interface AuthBody {
  user: { id: string };
  accessToken: string;
}

/** What every registration sends: the privacy notice version the person read and accepted. */
export const CONSENT = { privacyNoticeVersion: PRIVACY_NOTICE_VERSION } as const;

/** The passwords everyone registered here signs in with. */
export const PASSWORDS = { patient: 'patient-pass-1', doctor: 'doctor-pass-1' } as const;

export const uniqueEmail = (name: string): string =>
  `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}-${Math.random().toString(36).slice(2, 8)}@e2e.test`;

const signedIn = (answer: { status: number; body: AuthBody }, what: string): Person => {
  if (answer.status !== 201)
    throw new Error(`registering ${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { id: answer.body.user.id, token: answer.body.accessToken };
};

export async function registerPatient(call: Call, fullName: string): Promise<Person> {
  const answer = await call<AuthBody>('POST', '/api/patients/register', {
    body: { ...CONSENT, email: uniqueEmail(fullName), password: PASSWORDS.patient, fullName },
  });
  return signedIn(answer, fullName);
}

/** A doctor an admin verified, with 30-minute slots all day, every day, in Asia/Kolkata. */
export async function verifiedDoctorWithHours(
  call: Call,
  adminToken: string,
  fullName: string,
): Promise<Person> {
  const answer = await call<AuthBody>('POST', '/api/doctors/register', {
    body: {
      ...CONSENT,
      email: uniqueEmail(fullName),
      password: PASSWORDS.doctor,
      fullName,
      specialization: 'General Medicine',
      licenseNumber: `KMC-${Math.floor(100000 + Math.random() * 900000)}`,
      yearsOfExperience: 9,
      consultationFee: { amount: 40000, currency: 'INR' },
    },
  });
  const doctor = signedIn(answer, fullName);
  const verified = await call('POST', `/api/admin/doctors/${doctor.id}/verify`, {
    token: adminToken,
    body: { decision: 'approved' },
  });
  if (verified.status !== 200) throw new Error(`verifying ${fullName} answered ${verified.status}`);
  const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  const schedule = await call('PUT', '/api/doctors/me/availability', {
    token: doctor.token,
    body: { timezone: 'Asia/Kolkata', slotMinutes: 30, weekly },
  });
  if (schedule.status !== 200) throw new Error(`setting ${fullName}'s hours answered ${schedule.status}`);
  return doctor;
}

/** The patient books the doctor's first free slot in the next six hours (giving a reason, if any). */
export async function bookFirstFreeSlot(
  call: Call,
  doctor: Person,
  patient: Person,
  mode: 'video' | 'chat' | 'in_person' = 'video',
  reason?: string,
): Promise<{ id: string; status: string; startAt: string }> {
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 6 * 3_600_000).toISOString();
  const slots = await call<{ slots: { startAt: string; available: boolean }[] }>(
    'GET',
    `/api/doctors/${doctor.id}/slots?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
  );
  const slot = slots.body.slots.find((s) => s.available);
  if (!slot) throw new Error('no free slot');
  const booked = await call<{ id: string; status: string; startAt: string }>('POST', '/api/appointments', {
    token: patient.token,
    body: { doctorId: doctor.id, startAt: slot.startAt, mode, ...(reason ? { reason } : {}) },
  });
  if (booked.status !== 201)
    throw new Error(`booking answered ${booked.status}: ${JSON.stringify(booked.body)}`);
  return booked.body;
}
