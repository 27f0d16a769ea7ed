import { readFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { waitFor } from '@arogyam/testing';
import { httpClient } from '../e2e/http';
import { bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours, type Person } from '../e2e/people';
import { signInAdmin, startPlatform, type Platform } from '../e2e/platform';
import { closeAfterTests, accountOf, logIn, openBrowserApps, type Account, type BrowserApps } from './flows';

let platform: Platform;
let apps: BrowserApps<'patient' | 'doctor'>;
let patient: Account;
let doctor: Account;
let appointmentId: string;
let doctorPerson: Person;
let patientPerson: Person;
let call: ReturnType<typeof httpClient>;

const unique = Math.random().toString(36).slice(2, 7);
const REPORT = Buffer.concat([Buffer.from('%PDF-1.7\n% Lipid profile\n'), Buffer.alloc(50_000, 32)]);

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  call = httpClient(platform.baseUrl);
  const admin = await signInAdmin(call);
  doctorPerson = await verifiedDoctorWithHours(call, admin.token, `Dr Leela Menon ${unique}`);
  patientPerson = await registerPatient(call, `Sanjay Gupta ${unique}`);
  appointmentId = (await bookFirstFreeSlot(call, doctorPerson, patientPerson)).id;
  doctor = await accountOf(call, 'doctor', doctorPerson);
  patient = await accountOf(call, 'patient', patientPerson);
  apps = await openBrowserApps(platform.baseUrl, ['patient', 'doctor']);
}, 120000);

closeAfterTests('health-records', () => ({ apps, platform }));

async function uploadRecord(page: Page, title: string, fileName: string, shared: boolean): Promise<void> {
  const form = page.getByRole('form', { name: 'Add a record' });
  await form
    .getByLabel('File')
    .setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: REPORT });
  await form.getByLabel('Title').fill(title);
  await form.getByLabel('Kind').selectOption({ label: 'Lab report' });
  await form.getByLabel('Date of the test or visit').fill('2026-11-20');
  if (!shared) await form.getByRole('radio', { name: 'Only me' }).check();
  await form.getByRole('button', { name: 'Upload' }).click();
  await page.getByRole('status').getByText(`“${title}” was added.`).waitFor();
}

/** Clicks a record's Download and answers the bytes the browser saved. */
async function downloadOf(page: Page, title: string): Promise<Buffer> {
  const record = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    record.getByRole('button', { name: /Download/ }).click(),
  ]);
  return readFile(await download.path());
}

test('a patient keeps reports; the doctor of their appointment reads the shared one; a deleted one is gone', async () => {
  const patientPage = await apps.pages.open();
  await logIn(patientPage, apps.urls.patient, patient);
  await patientPage.getByRole('link', { name: 'Health records' }).click();
  await patientPage.getByRole('heading', { level: 1, name: 'Health records' }).waitFor();
  await patientPage.getByText('No records yet.').waitFor();

  // Nothing chosen: the form says so beside the file input.
  await patientPage.getByRole('form', { name: 'Add a record' }).getByLabel('Title').fill('Empty');
  await patientPage.getByRole('button', { name: 'Upload' }).click();
  await patientPage.getByText('is required').waitFor();

  await uploadRecord(patientPage, 'Lipid profile', 'lipid-profile.pdf', true);
  await uploadRecord(patientPage, 'Private counselling notes', 'notes.pdf', false);
  const list = patientPage.getByRole('list', { name: 'Your health records' });
  await list.getByRole('heading', { name: 'Lipid profile' }).waitFor();
  expect((await downloadOf(patientPage, 'Lipid profile')).equals(REPORT)).toBe(true);

  // The doctor sees the shared record on the appointment, not the private one, and downloads it.
  const doctorPage = await apps.pages.open();
  await logIn(doctorPage, apps.urls.doctor, doctor);
  await doctorPage.goto(`${apps.urls.doctor}/appointments/${appointmentId}`);
  const shared = doctorPage.getByRole('list', { name: 'Health records' });
  await shared.getByRole('heading', { name: 'Lipid profile' }).waitFor();
  expect(await shared.getByRole('heading', { name: 'Private counselling notes' }).count()).toBe(0);
  expect((await downloadOf(doctorPage, 'Lipid profile')).equals(REPORT)).toBe(true);

  // The patient deletes it, after confirming; the doctor no longer sees it.
  const record = list
    .getByRole('listitem')
    .filter({ has: patientPage.getByRole('heading', { name: 'Lipid profile' }) });
  await record.getByRole('button', { name: /Delete/ }).click();
  await record.getByRole('button', { name: 'Yes, delete' }).click();
  await patientPage.getByRole('status').getByText('“Lipid profile” was deleted.').waitFor();
  await list.getByRole('heading', { name: 'Lipid profile' }).waitFor({ state: 'detached' });
  await doctorPage.reload();
  await doctorPage.getByText('The patient has shared no health records with you.').waitFor();
}, 120000);

test('shared with one doctor: they open it in the consultation, the patient sees that, revokes, and the doctor gets 404', async () => {
  for (const status of ['checked_in', 'in_consultation']) {
    const moved = await call('POST', `/api/appointments/${appointmentId}/status`, {
      token: doctorPerson.token,
      body: { status },
    });
    expect(moved.status).toBe(200);
  }
  const patientPage = await apps.pages.open();
  await logIn(patientPage, apps.urls.patient, patient);
  await patientPage.getByRole('link', { name: 'Health records' }).click();
  const form = patientPage.getByRole('form', { name: 'Add a record' });
  await form
    .getByLabel('File')
    .setInputFiles({ name: 'allergy.pdf', mimeType: 'application/pdf', buffer: REPORT });
  await form.getByLabel('Title').fill('Allergy panel');
  await form.getByRole('radio', { name: 'Doctors I choose' }).check();
  await form.getByRole('checkbox', { name: new RegExp(`Dr Leela Menon ${unique}`) }).check();
  await form.getByRole('button', { name: 'Upload' }).click();
  await patientPage.getByRole('status').getByText('“Allergy panel” was added.').waitFor();
  const list = patientPage.getByRole('list', { name: 'Your health records' });
  const record = list
    .getByRole('listitem')
    .filter({ has: patientPage.getByRole('heading', { name: 'Allergy panel' }) });
  await record.getByText(`Dr Leela Menon ${unique}`).waitFor();

  // The doctor, in the consultation, opens it; the earlier consultations panel says there are none.
  const doctorPage = await apps.pages.open();
  await logIn(doctorPage, apps.urls.doctor, doctor);
  await doctorPage.goto(`${apps.urls.doctor}/appointments/${appointmentId}`);
  await doctorPage.getByText('No earlier consultations with you.').waitFor();
  const shared = doctorPage.getByRole('list', { name: 'Health records' });
  await shared.getByRole('heading', { name: 'Allergy panel' }).waitFor();
  expect((await downloadOf(doctorPage, 'Allergy panel')).equals(REPORT)).toBe(true);

  // The patient sees the doctor's read in "Who viewed my records" (the trail is filled from events:
  // the page is opened again until it is there).
  await patientPage.getByRole('link', { name: 'Who viewed my records' }).click();
  const opened = patientPage
    .getByRole('list', { name: 'Who viewed my records' })
    .getByText(`Dr Leela Menon ${unique} opened the file of your health record`);
  await waitFor(
    async () => {
      await patientPage.reload();
      await patientPage.getByRole('heading', { level: 1, name: 'Who viewed my records' }).waitFor();
      await patientPage.getByText('Loading who viewed your records…').waitFor({ state: 'detached' });
      return (await opened.count()) > 0;
    },
    20000,
    "the doctor's read in the patient's trail",
  );

  // She revokes it; at once the doctor's list no longer has it and its file answers 404.
  await patientPage.getByRole('link', { name: 'Health records' }).click();
  await record.getByRole('button', { name: /Change sharing/ }).click();
  await record.getByRole('radio', { name: 'Only me' }).check();
  await record.getByRole('button', { name: 'Save sharing' }).click();
  await patientPage
    .getByRole('status')
    .getByText('“Allergy panel” is no longer shared with any doctor.')
    .waitFor();
  await record.getByText('Only you').waitFor();
  const recordId = (
    await call<{ items: { id: string; title: string }[] }>('GET', '/api/patients/me/health-records', {
      token: patientPerson.token,
    })
  ).body.items.find((item) => item.title === 'Allergy panel')?.id;
  const file = await call('GET', `/api/appointments/${appointmentId}/health-records/${recordId}/file`, {
    token: doctorPerson.token,
  });
  expect(file.status).toBe(404);
  await doctorPage.reload();
  await doctorPage.getByText('The patient has shared no health records with you.').waitFor();
}, 120000);

test('Your data: the patient downloads everything, watching the progress, and gets the zip with her records', async () => {
  const page = await apps.pages.open();
  await logIn(page, apps.urls.patient, patient);
  await page.getByRole('link', { name: 'Your data' }).click();
  await page.getByRole('heading', { level: 1, name: 'Your data' }).waitFor();
  await page.getByRole('button', { name: 'Download my data' }).click();

  // The progress bar says how far it got; the live region says when it is ready.
  const progress = page.getByRole('progressbar', { name: 'Export progress' });
  const ready = page.getByRole('status').getByText('Your data is ready to download.');
  await Promise.race([progress.waitFor(), ready.waitFor()]);
  if (await progress.isVisible())
    expect(Number(await progress.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(0);
  await ready.waitFor({ timeout: 60000 });
  await page.getByText(/Available until/).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download arogyam-export-\d{4}-\d{2}-\d{2}\.zip/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^arogyam-export-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining(['README.txt', 'health-records.json', 'appointments.json']),
  );
  // The record kept from the earlier test, with its file.
  const records = JSON.parse(Buffer.from(files['health-records.json']).toString('utf8')) as {
    id: string;
    title: string;
  }[];
  const kept = records.find((record) => record.title === 'Private counselling notes');
  expect(kept).toBeDefined();
  expect(Buffer.from(files[`files/${kept?.id}/notes.pdf`]).equals(REPORT)).toBe(true);
}, 120000);
