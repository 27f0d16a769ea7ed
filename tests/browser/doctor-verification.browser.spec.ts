import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '@arogyam/testing';
import { ADMIN, startPlatform, type Platform } from '../e2e/platform';
import { launchChromium } from './chromium';
import { serveSpa, type SpaServer } from './spa-servers';

let platform: Platform;
let spas: Record<'patient' | 'doctor' | 'admin', SpaServer>;
let browser: Browser;
const pages: Page[] = [];

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
const patient = {
  fullName: 'Kiran Patel',
  email: `kiran.${unique}@browser.test`,
  password: 'patient-pass-1',
};

beforeAll(async () => {
  platform = await startPlatform();
  const [patientSpa, doctorSpa, adminSpa] = await Promise.all([
    serveSpa('patient-web', platform.baseUrl),
    serveSpa('doctor-web', platform.baseUrl),
    serveSpa('admin-web', platform.baseUrl),
  ]);
  spas = { patient: patientSpa, doctor: doctorSpa, admin: adminSpa };
  browser = await launchChromium();
}, 120000);

afterEach(async () => {
  // Screenshots of every page, for reading a failure (tmp/ is not committed).
  await Promise.all(
    pages.map((page, i) =>
      page.screenshot({ path: `${repoRoot}/tmp/browser-${i}.png`, fullPage: true }).catch(() => undefined),
    ),
  );
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(spas ?? {}).map((spa) => spa.stop()));
  await platform?.stop();
}, 120000);

async function newPage(): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  pages.push(page);
  return page;
}

async function searchFor(page: Page, name: string): Promise<void> {
  await page.getByLabel('Search by name').fill(name);
  await page.getByRole('button', { name: 'Search' }).click();
}

test('patient registers and searches; doctor registers and waits; admin approves; the patient now finds the doctor', async () => {
  // A patient creates an account and lands on doctor search.
  const patientPage = await newPage();
  await patientPage.goto(`${spas.patient.url}/register`);
  await patientPage.getByLabel('Full name').fill(patient.fullName);
  await patientPage.getByLabel('Email').fill(patient.email);
  await patientPage.getByLabel('Password').fill(patient.password);
  await patientPage.getByRole('button', { name: 'Create account' }).click();
  await patientPage
    .getByRole('heading', { level: 1 })
    .filter({ hasText: /doctor/i })
    .waitFor();
  await searchFor(patientPage, doctor.fullName.split(' ').slice(-1)[0]);
  await patientPage.getByText(/No doctors match/i).waitFor();

  // A doctor registers and is told they await verification.
  const doctorPage = await newPage();
  await doctorPage.goto(`${spas.doctor.url}/register`);
  await doctorPage.getByLabel('Full name').fill(doctor.fullName);
  await doctorPage.getByLabel('Email').fill(doctor.email);
  await doctorPage.getByLabel('Password').fill(doctor.password);
  await doctorPage.getByLabel('Specialization').fill(doctor.specialization);
  await doctorPage.getByLabel('Registration number').fill(doctor.licenseNumber);
  await doctorPage.getByLabel('Years of experience').fill('8');
  await doctorPage.getByLabel('Consultation fee (₹)').fill('600');
  await doctorPage.getByLabel('City').fill(doctor.city);
  await doctorPage.getByLabel('Languages').fill(doctor.languages);
  await doctorPage.getByRole('button', { name: 'Create account' }).click();
  await doctorPage.getByText('Awaiting verification').waitFor();

  // An admin approves the doctor from the pending list.
  const adminPage = await newPage();
  await adminPage.goto(`${spas.admin.url}/login`);
  await adminPage.getByLabel('Email').fill(ADMIN.email);
  await adminPage.getByLabel('Password').fill(ADMIN.password);
  await adminPage.getByRole('button', { name: 'Log in' }).click();
  const row = adminPage.getByRole('listitem').filter({ hasText: doctor.fullName });
  await row.waitFor();
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
