#!/usr/bin/env node
// Demo data through the public API, idempotent: doctors across specialities and cities with
// portraits, degrees, clinics and weekly hours (approved by the admin, one left pending for the
// verification demo) and a demo patient with one completed and one upcoming visit. Run again, it signs the doctors in instead of
// registering them, brings their profile up to date and leaves hours a doctor already set.
// Usage: node scripts/seed-demo.mjs [gatewayUrl]   (ADMIN_EMAIL / ADMIN_PASSWORD as the platform's)

import { CONSENT, call } from './demo-api.mjs';
import { demoAvatar } from './demo-avatar.mjs';
import { DEMO_DOCTORS, PENDING_DOCTOR } from './demo-doctors.mjs';
import { seedHistory } from './demo-history.mjs';

export const DEMO_PASSWORD = 'arogyam-demo-1';
export const DEMO_PATIENT = { email: 'patient@arogyam.dev', fullName: 'Asha Rao' };

const slug = (name) =>
  name
    .toLowerCase()
    .replace(/^dr\.\s*/, '')
    .replace(/[^a-z]+/g, '.');

async function ensureDoctor(base, doctor, index) {
  const { fullName, specialization, city, languages, yearsOfExperience, fee } = doctor;
  const email = `${slug(fullName)}@arogyam.dev`;
  const registered = await call(base, 'POST', '/api/doctors/register', {
    ...CONSENT,
    email,
    password: DEMO_PASSWORD,
    fullName,
    specialization,
    city,
    languages,
    yearsOfExperience,
    licenseNumber: `MCI-${String(100000 + index * 7919).slice(0, 6)}`,
    consultationFee: { amount: fee, currency: 'INR' },
    bio: `${specialization} specialist in ${city} with ${yearsOfExperience} years of practice.`,
  });
  let signedIn = registered;
  if (registered.status === 409) {
    signedIn = await call(base, 'POST', '/api/doctors/login', { email, password: DEMO_PASSWORD });
    if (signedIn.status !== 200)
      throw new Error(`login ${email}: ${signedIn.status} ${JSON.stringify(signedIn.body)}`);
  } else if (registered.status !== 201) {
    throw new Error(`register ${email}: ${registered.status} ${JSON.stringify(registered.body)}`);
  }
  const { user, accessToken } = signedIn.body;
  await completeProfile(base, doctor, accessToken, email);
  return { email, id: user.id, token: accessToken };
}

/** The photo, degrees, clinic and gender (patched, so older demo data gains them too) and, unless set, the hours. */
async function completeProfile(base, doctor, token, email) {
  const [clinicName, addressLine] = doctor.clinic;
  const profile = await call(
    base,
    'PATCH',
    '/api/doctors/me',
    {
      qualifications: doctor.qualifications,
      clinic: { name: clinicName, addressLine, city: doctor.city },
      photo: demoAvatar(doctor.fullName, { longHair: doctor.longHair }),
      gender: doctor.gender,
    },
    token,
  );
  if (profile.status !== 200)
    throw new Error(`profile ${email}: ${profile.status} ${JSON.stringify(profile.body)}`);
  const hours = await call(base, 'GET', '/api/doctors/me/availability', undefined, token);
  if (hours.status === 200) return;
  const schedule = { timezone: 'Asia/Kolkata', slotMinutes: doctor.slotMinutes, weekly: doctor.hours };
  const set = await call(base, 'PUT', '/api/doctors/me/availability', schedule, token);
  if (set.status !== 200) throw new Error(`hours ${email}: ${set.status} ${JSON.stringify(set.body)}`);
}

export async function seedDemo(base, admin) {
  const adminLogin = await call(base, 'POST', '/api/admin/login', admin);
  if (adminLogin.status !== 200)
    throw new Error(`admin login failed (${adminLogin.status}): check ADMIN_EMAIL / ADMIN_PASSWORD`);
  const adminToken = adminLogin.body.accessToken;

  const doctors = [];
  const signedIn = new Map();
  for (const [i, doctor] of DEMO_DOCTORS.entries()) {
    const { email, id, token } = await ensureDoctor(base, doctor, i);
    signedIn.set(email, { email, id, token });
    const verified = await call(
      base,
      'POST',
      `/api/admin/doctors/${id}/verify`,
      { decision: 'approved', note: 'Demo data' },
      adminToken,
    );
    if (verified.status !== 200) throw new Error(`approve ${email}: ${verified.status}`);
    doctors.push(email);
  }
  const pending = await ensureDoctor(base, PENDING_DOCTOR, DEMO_DOCTORS.length);

  const patient = await call(base, 'POST', '/api/patients/register', {
    ...CONSENT,
    email: DEMO_PATIENT.email,
    password: DEMO_PASSWORD,
    fullName: DEMO_PATIENT.fullName,
    phone: '+91 90000 12345',
    gender: 'female',
    dateOfBirth: '1991-06-15',
  });
  if (![201, 409].includes(patient.status))
    throw new Error(`patient: ${patient.status} ${JSON.stringify(patient.body)}`);
  const patientLogin = await call(base, 'POST', '/api/patients/login', {
    email: DEMO_PATIENT.email,
    password: DEMO_PASSWORD,
  });
  if (patientLogin.status !== 200) throw new Error(`patient login: ${patientLogin.status}`);
  // Round-the-clock and long-day doctors: a free time whatever the hour of the seed.
  await seedHistory(
    base,
    patientLogin.body.accessToken,
    signedIn.get('rohan.das@arogyam.dev'),
    signedIn.get('priya.menon@arogyam.dev'),
  );
  return { doctors, pendingDoctor: pending.email, patient: DEMO_PATIENT.email };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const base = process.argv[2] ?? 'http://127.0.0.1:3000';
  const admin = {
    email: process.env.ADMIN_EMAIL ?? 'admin@arogyam.dev',
    password: process.env.ADMIN_PASSWORD ?? 'arogyam-admin-1',
  };
  seedDemo(base, admin)
    .then((seeded) => console.log(JSON.stringify(seeded, null, 2)))
    .catch((error) => {
      console.error(`seed failed: ${error.message}`);
      process.exit(1);
    });
}
