import { randomUUID } from 'node:crypto';
import { JSONCodec } from 'nats';
import type { Page } from 'playwright-core';
import { createEvent, recordDeadLetter } from '@arogyam/messaging';
import { connectAs } from '@arogyam/testing';
import { ADMIN, startPlatform, type Platform } from '../e2e/platform';
import {
  closeAfterTests,
  browserPatient,
  logIn,
  openBrowserApps,
  signUpPatient,
  type BrowserApps,
} from './flows';

let platform: Platform;
let apps: BrowserApps<'patient' | 'doctor' | 'admin'>;

const unique = Math.random().toString(36).slice(2, 7);
const doctor = {
  fullName: `Dr Anaya Verma ${unique}`,
  email: `anaya.${unique}@browser.test`,
  password: 'doctor-pass-1',
  specialization: 'Neurology',
  licenseNumber: `NMC-${unique.toUpperCase()}`,
  city: 'Lucknow',
  languages: 'English, Hindi',
};
const patient = browserPatient('Kiran Patel', unique);

beforeAll(async () => {
  platform = await startPlatform();
  apps = await openBrowserApps(platform.baseUrl, ['patient', 'doctor', 'admin']);
}, 120000);

closeAfterTests('browser', () => ({ apps, platform }), 120000);

async function searchFor(page: Page, name: string): Promise<void> {
  await page.getByLabel('Search by name').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
}

test('patient registers and searches; doctor registers and waits; admin rejects with a reason, the doctor resubmits, admin approves; the patient now finds the doctor', async () => {
  // A patient creates an account and lands on doctor search.
  const patientPage = await apps.pages.open();
  await signUpPatient(patientPage, apps.urls.patient, patient);
  await searchFor(patientPage, doctor.fullName.split(' ').slice(-1)[0]);
  await patientPage.getByText(/No doctors match/i).waitFor();

  // A doctor registers and is told they await verification.
  const doctorPage = await apps.pages.open();
  await doctorPage.goto(`${apps.urls.doctor}/register`);
  await doctorPage.getByLabel('Full name').fill(doctor.fullName);
  await doctorPage.getByLabel('Email').fill(doctor.email);
  await doctorPage.getByLabel('Password').fill(doctor.password);
  await doctorPage.getByLabel('Specialization').fill(doctor.specialization);
  await doctorPage.getByLabel('Registration number').fill(doctor.licenseNumber);
  await doctorPage.getByLabel('Years of experience').fill('8');
  await doctorPage.getByLabel('Consultation fee (₹)').fill('600');
  await doctorPage.getByLabel('City').fill(doctor.city);
  await doctorPage.getByLabel('Languages').fill(doctor.languages);
  await doctorPage.getByLabel('I have read and accept the privacy notice').check();
  await doctorPage.getByRole('button', { name: 'Create account' }).click();
  await doctorPage.getByText('Awaiting verification').waitFor();

  // An admin first rejects, with a reason; the doctor reads it and sends the registration back.
  const adminPage = await apps.pages.open();
  await logIn(adminPage, apps.urls.admin, ADMIN);
  const row = adminPage.getByRole('listitem').filter({ hasText: doctor.fullName });
  await row.getByRole('button', { name: 'Reject' }).click();
  await row.getByLabel('Reason for rejection').fill('Upload your registration certificate, please.');
  await row.getByRole('button', { name: 'Confirm rejection' }).click();
  await row.waitFor({ state: 'detached' });
  await doctorPage.reload();
  await doctorPage.getByText('Upload your registration certificate, please.').waitFor();
  await doctorPage.getByRole('button', { name: 'Send for review again' }).click();
  await doctorPage.getByText('Awaiting verification').waitFor();

  // The admin approves the doctor from the pending list.
  await adminPage.reload();
  await row.getByRole('button', { name: 'Approve' }).click();
  await row.waitFor({ state: 'detached' });

  // The patient now finds the doctor, and the doctor's profile opens.
  await searchFor(patientPage, doctor.fullName.split(' ').slice(-1)[0]);
  const result = patientPage.getByRole('listitem').filter({ hasText: doctor.fullName });
  await result.waitFor();
  await expect(result.textContent()).resolves.toContain(doctor.specialization);

  // The doctor sees the verified state after a reload.
  await doctorPage.reload();
  await doctorPage.getByText('Verified', { exact: true }).first().waitFor();
}, 120000);

test('an admin finds a failed event, replays it, and it leaves the list', async () => {
  // As a service's consumer keeps an event after its last failed delivery (libs/testing's
  // event-consumer spec tests that): a rename user-service applies, so the replay succeeds.
  const event = createEvent('doctor.renamed', { userId: randomUUID(), fullName: 'Dr Replayed Rao' });
  const nats = await connectAs(platform.infra, 'user');
  try {
    await recordDeadLetter(nats, {
      service: 'user-service',
      eventType: event.type,
      eventId: event.id,
      reason: 'Error: the mail server was down',
      deliveries: 10,
      data: JSONCodec().encode(event),
    });
  } finally {
    await nats.close();
  }

  const adminPage = await apps.pages.open();
  await logIn(adminPage, apps.urls.admin, ADMIN);
  await adminPage.getByRole('link', { name: 'Failed events' }).click();
  await adminPage.getByRole('heading', { name: 'Failed events' }).waitFor();
  const row = adminPage.getByRole('row').filter({ hasText: event.id });
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('Error: the mail server was down');
  await row.getByRole('button', { name: 'Replay' }).click();
  await adminPage
    .getByText('doctor.renamed was handled by user-service and removed from the list.')
    .waitFor();
  await row.waitFor({ state: 'detached' });
}, 60000);
