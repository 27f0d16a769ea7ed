import { readFile } from 'node:fs/promises';
import { extractPdfText } from '@arogyam/testing';
import { httpClient } from '../e2e/http';
import { signInAdmin, startPlatform, type Platform } from '../e2e/platform';
import { verifiedDoctorWithHours } from '../e2e/people';
import {
  closeAfterTests,
  browserPatient,
  accountOf,
  logIn,
  openBrowserApps,
  signUpPatient,
  type Account,
  type BrowserApps,
} from './flows';

interface AppointmentBody {
  id: string;
  startAt: string;
}

let platform: Platform;
let apps: BrowserApps<'patient' | 'doctor'>;

const unique = Math.random().toString(36).slice(2, 7);
const doctorName = `Dr Sunita Menon ${unique}`;
const patient = browserPatient(`Ravi Shankar ${unique}`, unique);
const TIMEZONE = 'Asia/Kolkata';
let doctorId: string;
let doctorToken: string;
let doctorAccount: Account;
let doctorLicense: string;

beforeAll(async () => {
  platform = await startPlatform();
  const call = httpClient(platform.baseUrl);
  // The doctor is registered, verified and given round-the-clock hours (Asia/Kolkata) through
  // the API: the browser part of this test is the consultation itself.
  const admin = await signInAdmin(call);
  const doctor = await verifiedDoctorWithHours(call, admin.token, doctorName);
  doctorId = doctor.id;
  doctorToken = doctor.token;
  doctorAccount = await accountOf(call, 'doctor', doctor);
  doctorLicense = (await call<{ licenseNumber: string }>('GET', '/api/doctors/me', { token: doctor.token }))
    .body.licenseNumber;

  apps = await openBrowserApps(platform.baseUrl, ['patient', 'doctor']);
}, 120000);

closeAfterTests('consultation', () => ({ apps, platform }));

/** The calendar date of an instant in the doctor's zone: the queue is per doctor-local day. */
const doctorLocalDate = (instant: string): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: TIMEZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));

test('patient books; doctor checks in, consults, writes notes and prescribes; patient downloads the PDF, then rates the consultation', async () => {
  // The patient registers, opens the doctor's page and books the first free slot by video.
  const patientPage = await apps.pages.open({ acceptDownloads: true });
  await signUpPatient(patientPage, apps.urls.patient, patient);
  // The patient records an allergy in their medical profile.
  await patientPage.getByRole('link', { name: 'Medical profile' }).click();
  await patientPage.getByRole('button', { name: 'Add an allergy' }).click();
  await patientPage.getByLabel('Allergic to').fill('Penicillin');
  await patientPage.getByLabel('Severity').selectOption('severe');
  await patientPage.getByRole('button', { name: 'Save medical profile' }).click();
  await patientPage.getByText('Your medical profile has been saved.').waitFor();
  await patientPage.goto(`${apps.urls.patient}/doctors/${doctorId}`);
  await patientPage.getByRole('heading', { name: 'Book an appointment' }).waitFor();
  await patientPage
    .getByRole('button', { name: /^\d{2}:\d{2}$/ })
    .first()
    .click();
  await patientPage.getByLabel('Video').check();
  await patientPage.getByLabel('Reason for the visit').fill('Persistent cough');
  await patientPage.getByRole('button', { name: 'Confirm booking' }).click();
  await patientPage.waitForURL(/\/appointments\/[^/]+$/);
  const appointmentId = patientPage.url().split('/').pop() as string;

  const appointment = await httpClient(platform.baseUrl)<AppointmentBody>(
    'GET',
    `/api/appointments/${appointmentId}`,
    {
      token: doctorToken,
    },
  );
  expect(appointment.status).toBe(200);

  // The doctor works the queue of that day: check in, start, open the appointment.
  const doctorPage = await apps.pages.open();
  await logIn(doctorPage, apps.urls.doctor, doctorAccount);
  await doctorPage.getByRole('link', { name: "Today's queue" }).waitFor();
  await doctorPage.goto(`${apps.urls.doctor}/queue?date=${doctorLocalDate(appointment.body.startAt)}`);
  const entry = doctorPage.getByRole('listitem').filter({ hasText: patient.fullName });
  await entry.getByRole('button', { name: 'Check in' }).click();
  await entry.getByRole('button', { name: 'Start consultation' }).click();
  await entry.getByRole('link', { name: patient.fullName }).click();

  // The allergy is on the appointment page; prescribing a penicillin is announced and held until
  // the doctor confirms (here they change the medicine instead).
  await doctorPage.getByRole('list', { name: 'Allergies' }).getByText('Penicillin: severe').waitFor();
  const warning = doctorPage.getByRole('alert').filter({ hasText: 'allergy to Penicillin' });
  await doctorPage.getByLabel('Drug').first().fill('Amoxicillin 500 mg');
  await warning.waitFor();
  await doctorPage.getByRole('button', { name: 'Issue prescription' }).click();
  await doctorPage.getByText('Confirm that you have checked the allergy, or change the medicine.').waitFor();
  await doctorPage.getByLabel('Drug').first().fill('Dextromethorphan syrup');
  await warning.waitFor({ state: 'detached' });

  // SOAP notes, shared with the patient.
  await doctorPage.getByLabel('Subjective').fill('Dry cough for two weeks, no fever.');
  await doctorPage.getByLabel('Objective').fill('Chest clear on auscultation.');
  await doctorPage.getByLabel('Assessment').fill('Post-viral cough.');
  await doctorPage.getByLabel('Plan').fill('Honey, steam inhalation, review in a week.');
  await doctorPage.getByLabel('Share with patient').check();
  await doctorPage.getByRole('button', { name: 'Save notes' }).click();
  await doctorPage.getByText(/saved/i).first().waitFor();

  // A prescription.
  await doctorPage.getByLabel('Drug').first().fill('Dextromethorphan syrup');
  await doctorPage.getByLabel('Dose').first().fill('10 ml');
  await doctorPage.getByLabel('Frequency').first().fill('Twice a day');
  await doctorPage.getByLabel('Days').first().fill('5');
  await doctorPage.getByLabel('Advice').fill('Drink warm fluids.');
  await doctorPage.getByRole('button', { name: 'Issue prescription' }).click();
  await doctorPage.getByRole('button', { name: 'Download PDF' }).first().waitFor();

  // The patient sees the shared notes and downloads the prescription.
  await patientPage.reload();
  await patientPage.getByText('Post-viral cough.').waitFor();
  const [download] = await Promise.all([
    patientPage.waitForEvent('download'),
    patientPage.getByRole('button', { name: 'Download PDF' }).first().click(),
  ]);
  const path = await download.path();
  const text = (await extractPdfText(await readFile(path))).replace(/\s+/g, ' ');
  expect(text).toContain(doctorName);
  expect(text).toContain(doctorLicense);
  expect(text).toContain(patient.fullName);
  expect(text).toContain('Dextromethorphan syrup');
  expect(text).toContain('Drink warm fluids.');
  expect(text).toMatch(/Verification code: [0-9A-Z]{6,}/);

  // The doctor completes the consultation; the patient rates it and sees it on the doctor's page.
  await doctorPage.getByRole('button', { name: 'Complete' }).click();
  await doctorPage.getByText('Completed').first().waitFor();
  await patientPage.reload();
  await patientPage.getByRole('heading', { name: 'Rate your consultation' }).waitFor();
  await patientPage.getByRole('button', { name: 'Submit review' }).click();
  await patientPage.getByText('Choose from 1 (poor) to 5 (excellent) stars.').waitFor();
  await patientPage.getByRole('radio', { name: /4 – Very good/ }).check();
  await patientPage.getByLabel('Comment').fill('Clear advice and a kind manner.');
  await patientPage.getByRole('button', { name: 'Submit review' }).click();
  await patientPage.getByRole('heading', { name: 'Your review' }).waitFor();
  await patientPage.goto(`${apps.urls.patient}/doctors/${doctorId}`);
  const reviews = patientPage.getByRole('region', { name: 'Patient reviews' });
  await reviews.getByText('Clear advice and a kind manner.').waitFor();
  expect(await reviews.getByText('Rated 4 out of 5').count()).toBe(1);
  await patientPage.getByText('(1 review)').waitFor();
  // The doctor sees it on their dashboard.
  await doctorPage.goto(`${apps.urls.doctor}/`);
  await doctorPage
    .getByRole('region', { name: 'Recent reviews' })
    .getByText('Clear advice and a kind manner.')
    .waitFor();
}, 180000);
