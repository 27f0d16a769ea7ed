#!/usr/bin/env node
// Demo data through the public API, idempotent: doctors across specialities and cities
// (approved by the admin, one left pending for the verification demo) and a demo patient.
// Usage: node scripts/seed-demo.mjs [gatewayUrl]   (ADMIN_EMAIL / ADMIN_PASSWORD as the platform's)

export const DEMO_PASSWORD = 'arogyam-demo-1';
export const DEMO_PATIENT = { email: 'patient@arogyam.dev', fullName: 'Asha Rao' };

// Their emails are listed in libs/service-kit DEMO_ACCOUNT_EMAILS: a production user-service refuses
// to start while any exists. Keep the two in step.
const DOCTORS = [
  ['Dr. Meera Iyer', 'Cardiology', 'Bengaluru', ['English', 'Kannada', 'Tamil'], 14, 80000],
  ['Dr. Arjun Mehta', 'Dermatology', 'Mumbai', ['English', 'Hindi', 'Marathi'], 9, 60000],
  ['Dr. Fatima Sheikh', 'Paediatrics', 'Hyderabad', ['English', 'Urdu', 'Telugu'], 11, 50000],
  ['Dr. Rohan Das', 'General Medicine', 'Kolkata', ['English', 'Bengali', 'Hindi'], 6, 40000],
  ['Dr. Kavya Nair', 'Gynaecology', 'Kochi', ['English', 'Malayalam'], 17, 90000],
  ['Dr. Vikram Singh', 'Orthopaedics', 'Delhi', ['English', 'Hindi', 'Punjabi'], 20, 100000],
  ['Dr. Lakshmi Rao', 'Psychiatry', 'Chennai', ['English', 'Tamil', 'Telugu'], 12, 120000],
  ['Dr. Sanjay Kulkarni', 'Endocrinology', 'Pune', ['English', 'Marathi', 'Hindi'], 15, 85000],
];
const PENDING_DOCTOR = ['Dr. Neha Kapoor', 'ENT', 'Jaipur', ['English', 'Hindi'], 5, 45000];

const slug = (name) =>
  name
    .toLowerCase()
    .replace(/^dr\.\s*/, '')
    .replace(/[^a-z]+/g, '.');

async function call(base, method, path, body, token) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function ensureDoctor(
  base,
  [fullName, specialization, city, languages, yearsOfExperience, fee],
  index,
) {
  const email = `${slug(fullName)}@arogyam.dev`;
  const registered = await call(base, 'POST', '/api/doctors/register', {
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
  if (registered.status === 201) return { email, id: registered.body.user.id };
  if (registered.status !== 409)
    throw new Error(`register ${email}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const login = await call(base, 'POST', '/api/doctors/login', { email, password: DEMO_PASSWORD });
  if (login.status !== 200) throw new Error(`login ${email}: ${login.status} ${JSON.stringify(login.body)}`);
  return { email, id: login.body.user.id };
}

export async function seedDemo(base, admin) {
  const adminLogin = await call(base, 'POST', '/api/admin/login', admin);
  if (adminLogin.status !== 200)
    throw new Error(`admin login failed (${adminLogin.status}): check ADMIN_EMAIL / ADMIN_PASSWORD`);
  const adminToken = adminLogin.body.accessToken;

  const doctors = [];
  for (const [i, doctor] of DOCTORS.entries()) {
    const { email, id } = await ensureDoctor(base, doctor, i);
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
  const pending = await ensureDoctor(base, PENDING_DOCTOR, DOCTORS.length);

  const patient = await call(base, 'POST', '/api/patients/register', {
    email: DEMO_PATIENT.email,
    password: DEMO_PASSWORD,
    fullName: DEMO_PATIENT.fullName,
    gender: 'female',
    dateOfBirth: '1991-06-15',
  });
  if (![201, 409].includes(patient.status))
    throw new Error(`patient: ${patient.status} ${JSON.stringify(patient.body)}`);
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
