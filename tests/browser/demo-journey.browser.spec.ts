import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type {
  AppointmentView,
  DoctorPublicProfileView,
  DoctorSummary,
  Page as ResultPage,
} from '@arogyam/contracts';
import ICAL from 'ical.js';
import type { Locator, Page } from 'playwright-core';
import { repoRoot, waitFor } from '@arogyam/testing';
import { emailsTo } from '../e2e/emails';
import { httpClient } from '../e2e/http';
import { CONSENT } from '../e2e/people';
import { ADMIN, startPlatform, type Platform } from '../e2e/platform';
import {
  closeAfterTests,
  browserPatient,
  logIn,
  openBrowserApps,
  signUpPatient,
  type BrowserApps,
} from './flows';

const run = promisify(execFile);

let platform: Platform;
let apps: BrowserApps<'patient' | 'doctor'>;

// A demo doctor with round-the-clock hours (scripts/demo-doctors.mjs): free times at any hour the test runs.
const DOCTOR = {
  fullName: 'Dr. Rohan Das',
  qualifications: 'MBBS, MD (General Medicine)',
  clinic: 'Salt Lake Family Clinic, CF-142, Sector I, Salt Lake, Kolkata',
  account: { email: 'rohan.das@arogyam.dev', password: 'arogyam-demo-1' },
};
const unique = Math.random().toString(36).slice(2, 7);
const patient = browserPatient(`Nisha Verma ${unique}`, unique);

/** `npm start`'s own seed, run as it runs there: a separate process against the gateway. */
async function seed(): Promise<void> {
  await run(process.execPath, [`${repoRoot}/scripts/seed-demo.mjs`, platform.baseUrl], {
    env: { ...process.env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
}

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  await seed();
  apps = await openBrowserApps(platform.baseUrl, ['patient', 'doctor']);
}, 180000);

closeAfterTests('demo-journey', () => ({ apps, platform }));

test('seeding again duplicates nothing and fails nothing', async () => {
  const call = httpClient(platform.baseUrl);
  const before = await call<ResultPage<DoctorSummary>>('GET', '/api/doctors?limit=100');
  await seed();
  const after = await call<ResultPage<DoctorSummary>>('GET', '/api/doctors?limit=100');
  expect(after.body.total).toBe(before.body.total);
  // The demo patient's history: one completed visit and one to come, still one each.
  const login = await call<{ accessToken: string }>('POST', '/api/patients/login', {
    body: { email: 'patient@arogyam.dev', password: 'arogyam-demo-1' },
  });
  const list = (when: string) =>
    call<ResultPage<AppointmentView>>('GET', `/api/appointments?when=${when}`, {
      token: login.body.accessToken,
    });
  expect((await list('past')).body.items.map((item) => [item.doctor.fullName, item.status])).toEqual([
    ['Dr. Rohan Das', 'completed'],
  ]);
  expect((await list('upcoming')).body.items.map((item) => [item.doctor.fullName, item.status])).toEqual([
    ['Dr. Priya Menon', 'booked'],
  ]);
  expect(before.body.total).toBeGreaterThanOrEqual(12);
  const cities = new Set(before.body.items.map((doctor) => doctor.city));
  const specialities = new Set(before.body.items.map((doctor) => doctor.specialization));
  expect(cities.size).toBeGreaterThanOrEqual(8);
  expect(specialities.size).toBeGreaterThanOrEqual(10);
  for (const doctor of before.body.items) {
    expect(doctor).toMatchObject({ qualifications: expect.any(String), clinic: expect.any(Object) });
    expect(doctor.photo).toMatch(/^data:image\/svg\+xml;base64,/);
  }
}, 60000);

test('a new patient books a seeded doctor; the doctor completes the visit; the patient sees it move to Past live', async () => {
  // The patient signs up and finds the doctor: photo, degrees and clinic on the card.
  const patientPage = await apps.pages.open();
  await signUpPatient(patientPage, apps.urls.patient, patient);
  await patientPage.evaluate(() => Object.assign(window, { sameDocument: true }));
  await patientPage.getByLabel('Search by name').fill('Rohan');
  await patientPage.getByRole('button', { name: 'Search' }).click();
  const card = patientPage.getByRole('listitem').filter({ hasText: DOCTOR.fullName });
  await card.getByRole('img', { name: `Photo of ${DOCTOR.fullName}` }).waitFor();
  await card.getByText(DOCTOR.qualifications).waitFor();
  await card.getByText(DOCTOR.clinic).waitFor();
  const photoWidth = await card
    .getByRole('img', { name: `Photo of ${DOCTOR.fullName}` })
    .evaluate((img: HTMLImageElement) => img.naturalWidth);
  expect(photoWidth).toBeGreaterThan(0);

  // On a phone the cards fit the screen.
  await patientPage.setViewportSize({ width: 390, height: 844 });
  await card.getByRole('img', { name: `Photo of ${DOCTOR.fullName}` }).scrollIntoViewIfNeeded();
  expect(await patientPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await patientPage.screenshot({ path: `${repoRoot}/tmp/demo-journey-search-390.png` });
  await patientPage.setViewportSize({ width: 1280, height: 800 });

  // The profile: the same, and free times to book at once.
  await card.getByRole('link', { name: DOCTOR.fullName }).click();
  await patientPage.getByRole('heading', { level: 1, name: DOCTOR.fullName }).waitFor();
  await patientPage.getByRole('img', { name: `Photo of ${DOCTOR.fullName}` }).waitFor();
  await patientPage.getByText(DOCTOR.qualifications).waitFor();
  await patientPage.getByText(DOCTOR.clinic).waitFor();
  await patientPage.getByRole('heading', { name: 'Book an appointment' }).waitFor();
  await patientPage
    .getByRole('button', { name: /^\d{2}:\d{2}$/ })
    .first()
    .click();
  await patientPage.getByLabel('Video').check();
  await patientPage.getByRole('button', { name: 'Confirm booking' }).click();
  await patientPage.waitForURL(/\/appointments\/[^/]+$/);

  // Under Upcoming; the list stays open while the doctor works.
  await patientPage
    .getByRole('link', { name: /My appointments/ })
    .first()
    .click();
  const upcoming = patientPage.getByRole('list', { name: 'Upcoming appointments' });
  await upcoming.getByText(DOCTOR.fullName).waitFor();

  // The doctor finds it under their Upcoming, sees the patient's contact, and completes the visit.
  const doctorPage = await apps.pages.open();
  await logIn(doctorPage, apps.urls.doctor, DOCTOR.account);
  await doctorPage.getByRole('link', { name: 'Appointments', exact: true }).click();
  await doctorPage
    .getByRole('list', { name: 'Upcoming appointments' })
    .getByRole('listitem')
    .filter({ hasText: patient.fullName })
    .getByRole('link')
    .click();
  const details = doctorPage.getByRole('region', { name: 'Patient' });
  await details.getByText(patient.email).waitFor();
  await doctorPage.getByRole('button', { name: 'Check in' }).click();
  // The patient's open list follows.
  await upcoming.getByText('Checked in').waitFor();
  await doctorPage.getByRole('button', { name: 'Start consultation' }).click();

  // The patient opens the appointment (in the same tab, no reload) and watches it change.
  await upcoming.getByRole('link').first().click();
  await patientPage.getByText('In consultation').first().waitFor();
  await doctorPage.getByRole('button', { name: 'Complete' }).click();
  await patientPage.getByRole('status').filter({ hasText: 'This appointment is now completed.' }).waitFor();
  await patientPage.getByText('Completed').first().waitFor();

  // Back to the list: gone from Upcoming, found under Past.
  await patientPage
    .getByRole('link', { name: /My appointments/ })
    .first()
    .click();
  await patientPage.getByText('No upcoming appointments.').waitFor();
  await patientPage.getByRole('link', { name: 'Past' }).click();
  const past = patientPage.getByRole('list', { name: 'Past appointments' });
  await past.getByText(DOCTOR.fullName).waitFor();
  await past.getByText('Completed').waitFor();
  expect(
    await patientPage.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument),
  ).toBe(true);
}, 120000);

test('next available on cards and profile, a later week, booking by keyboard in a dialog with the policy, cancelling with the refund rule', async () => {
  const call = httpClient(platform.baseUrl);
  const policy = await call<{
    lateCancellationHours: number;
    bookingHorizonDays: number;
    careRelationshipDays: number;
  }>('GET', '/api/booking-policy');
  expect(policy.body).toEqual({
    lateCancellationHours: 24,
    bookingHorizonDays: 180,
    careRelationshipDays: 30,
  });

  // The search answer carries each doctor's first free slot; booking it moves it on (the cached
  // answer is dropped by the slot change), and nothing else on the card changes.
  const search = async () =>
    (await call<ResultPage<DoctorSummary>>('GET', '/api/doctors?q=Rohan')).body.items.find(
      (doctor) => doctor.fullName === DOCTOR.fullName,
    );
  const before = await search();
  expect(before?.nextAvailableAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
  const someone = `${unique}k`;
  const booker = await call<{ accessToken: string }>('POST', '/api/patients/register', {
    body: { ...CONSENT, ...browserPatient(`Kiran Rao ${someone}`, someone) },
  });
  const taken = await call('POST', '/api/appointments', {
    token: booker.body.accessToken,
    body: { doctorId: before?.id, startAt: before?.nextAvailableAt, mode: 'video' },
  });
  expect(taken.status).toBe(201);
  const after = await search();
  expect(Date.parse(after?.nextAvailableAt ?? '')).toBeGreaterThan(Date.parse(before?.nextAvailableAt ?? ''));

  const patientPage = await apps.pages.open();
  await signUpPatient(patientPage, apps.urls.patient, browserPatient(`Meena Pillai ${unique}`, unique));
  await patientPage.getByLabel('Search by name').fill('Rohan');
  await patientPage.getByRole('button', { name: 'Search' }).click();
  const card = patientPage.getByRole('listitem').filter({ hasText: DOCTOR.fullName });
  await card.getByText(/^Next available:/).waitFor();
  await card.getByRole('link', { name: DOCTOR.fullName }).click();
  await patientPage.getByRole('heading', { level: 1, name: DOCTOR.fullName }).waitFor();
  await patientPage.getByText(/^Next available:/).waitFor();

  // A later week: its own days, its own free times; back again.
  const weekLabel = patientPage.locator('.week-label');
  const firstWeek = await weekLabel.textContent();
  await patientPage.getByRole('button', { name: 'Later week →' }).click();
  await patientPage.waitForFunction(
    (label) => document.querySelector('.week-label')?.textContent !== label,
    firstWeek,
  );
  await patientPage
    .getByRole('button', { name: /^\d{2}:\d{2}$/ })
    .first()
    .waitFor();
  await patientPage.getByRole('button', { name: '← Earlier week' }).click();
  await patientPage.waitForFunction(
    (label) => document.querySelector('.week-label')?.textContent === label,
    firstWeek,
  );

  // By keyboard: a slot, Enter opens the confirmation over the page with focus on its button;
  // Escape closes it and gives focus back to the slot; Enter, Enter books.
  const slot = patientPage.getByRole('button', { name: /^\d{2}:\d{2}$/ }).first();
  await slot.focus();
  await patientPage.keyboard.press('Enter');
  const dialog = patientPage.getByRole('dialog', { name: 'Confirm your appointment' });
  await dialog.waitFor();
  await dialog.getByText(/^Cancellation: free up to 24 hours before the start/).waitFor();
  expect(await patientPage.evaluate(() => document.activeElement?.textContent)).toBe('Confirm booking');
  await patientPage.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  expect(await slot.evaluate((button) => button === document.activeElement)).toBe(true);
  await patientPage.keyboard.press('Enter');
  await dialog.waitFor();
  await patientPage.keyboard.press('Enter');
  await patientPage.waitForURL(/\/appointments\/[^/]+$/);

  // Cancelling says what happens to the fee for this appointment's start.
  await patientPage.getByRole('button', { name: 'Cancel appointment' }).click();
  await patientPage
    .getByText(/hours before the start: if you paid, the fee (will not be refunded|is refunded in full)\./)
    .waitFor();
}, 120000);

test('a patient chooses which notifications reach them by email and SMS, and in which zone', async () => {
  const page = await apps.pages.open();
  const someone = `${unique}n`;
  await signUpPatient(page, apps.urls.patient, browserPatient(`Farah Khan ${someone}`, someone));
  await page.getByRole('link', { name: 'Notification settings' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
  const reminderEmail = page.getByRole('checkbox', { name: 'Reminders by Email' });
  const chatSms = page.getByRole('checkbox', { name: 'Chat messages by SMS' });
  const wasReminderEmail = await reminderEmail.isChecked();
  const wasChatSms = await chatSms.isChecked();
  await reminderEmail.setChecked(!wasReminderEmail);
  await chatSms.setChecked(!wasChatSms);
  await page.getByLabel('Time zone for the times in your notifications').selectOption('Europe/London');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByText('Your notification settings are saved.').waitFor();

  // Kept: the page read again from the server shows the choices.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Notification settings' }).waitFor();
  expect(await page.getByRole('checkbox', { name: 'Reminders by Email' }).isChecked()).toBe(
    !wasReminderEmail,
  );
  expect(await page.getByRole('checkbox', { name: 'Chat messages by SMS' }).isChecked()).toBe(!wasChatSms);
  expect(await page.getByLabel('Time zone for the times in your notifications').inputValue()).toBe(
    'Europe/London',
  );
}, 60000);

/** Presses Tab until the focused element is `target` (as a keyboard user moves), at most `limit` times. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach ${String(target)} in ${limit} presses`);
}

test('a new patient finds "heart" in "Bangalore", books the next available time by keyboard, gets the calendar file, cancels with the policy shown and finds it under Past', async () => {
  const someone = `${unique}h`;
  const person = browserPatient(`Vikram Sen ${someone}`, someone);
  const page = await apps.pages.open();
  await signUpPatient(page, apps.urls.patient, person);

  // Everyday words and the city's other name; the search is sent with Enter.
  await page.getByLabel('Search by name').fill('heart');
  await page.getByLabel('City').fill('Bangalore');
  await page.keyboard.press('Enter');
  const card = page.getByRole('listitem').filter({ hasText: 'Dr. Meera Iyer' });
  await card.getByText('Cardiology', { exact: true }).waitFor();
  const call = httpClient(platform.baseUrl);
  const found = await call<ResultPage<DoctorSummary>>('GET', '/api/doctors?q=heart&city=Bangalore');
  const meera = found.body.items.find((doctor) => doctor.fullName === 'Dr. Meera Iyer');
  expect(meera?.nextAvailableAt).toEqual(expect.any(String));
  await card.getByText(/^Next available:/).waitFor();

  // Keyboard only from here: Tab to the doctor, Enter; Tab to the first free time, Enter, Enter.
  await tabTo(page, card.getByRole('link', { name: 'Dr. Meera Iyer' }));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Dr. Meera Iyer' }).waitFor();
  const firstFree = page.getByRole('button', { name: /^\d{2}:\d{2}$/ }).first();
  await firstFree.waitFor();
  await tabTo(page, firstFree);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Confirm your appointment' });
  await dialog.getByText(/^Cancellation: free up to 24 hours before the start/).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/appointments\/[^/]+$/);
  const appointmentId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

  // The next available time is what was booked, and the email carries it as a calendar event.
  const login = await call<{ accessToken: string }>('POST', '/api/patients/login', {
    body: { email: person.email, password: person.password },
  });
  const booked = await call<AppointmentView>('GET', `/api/appointments/${appointmentId}`, {
    token: login.body.accessToken,
  });
  expect(booked.body.startAt).toBe(meera?.nextAvailableAt);
  const email = await waitFor(
    async () =>
      (await emailsTo(platform.outboxDir, person.email)).find((sent) =>
        sent.subject.startsWith('Appointment booked'),
      ),
    15000,
    'the booking email',
  );
  const event = new ICAL.Event(
    new ICAL.Component(ICAL.parse(email?.calendar?.content ?? '')).getFirstSubcomponent('vevent') ??
      undefined,
  );
  expect(event.startDate.toJSDate().toISOString()).toBe(booked.body.startAt);

  // Under Upcoming; cancelled with what happens to the fee said first; then under Past.
  await page
    .getByRole('link', { name: /My appointments/ })
    .first()
    .click();
  const upcoming = page.getByRole('list', { name: 'Upcoming appointments' });
  await upcoming.getByText('Dr. Meera Iyer').waitFor();
  await upcoming.getByRole('link').first().click();
  await page.getByRole('button', { name: 'Cancel appointment' }).click();
  await page
    .getByText(/hours before the start: if you paid, the fee (will not be refunded|is refunded in full)\./)
    .waitFor();
  await page.getByRole('button', { name: 'Yes, cancel' }).click();
  await page.getByText('Cancelled').first().waitFor();
  await page
    .getByRole('link', { name: /My appointments/ })
    .first()
    .click();
  await page.getByRole('link', { name: 'Past' }).click();
  const past = page.getByRole('list', { name: 'Past appointments' });
  await past.getByText('Dr. Meera Iyer').waitFor();
  await past.getByText('Cancelled').waitFor();
}, 120000);

test('a doctor sets their degrees, clinic and photo on their profile page, and patients see them', async () => {
  const call = httpClient(platform.baseUrl);
  const doctorPage = await apps.pages.open();
  await logIn(doctorPage, apps.urls.doctor, { email: 'priya.menon@arogyam.dev', password: 'arogyam-demo-1' });
  await doctorPage.getByRole('link', { name: 'My profile' }).click();
  await doctorPage.getByRole('img', { name: 'Your photo, as patients see it' }).waitFor();

  // A photograph over the limit is refused in words before anything is sent.
  const photo = doctorPage.getByLabel('Photo');
  await photo.setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.alloc(20_000, 1) });
  await doctorPage.getByText('This photo is too large').waitFor();

  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><rect width="8" height="8" fill="#0f766e"/></svg>';
  await photo.setInputFiles({ name: 'me.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(svg) });
  await doctorPage.getByLabel('Qualifications').fill('MBBS, DNB (Family Medicine), MRCGP');
  await doctorPage.getByLabel('Clinic name').fill('Koramangala Family Practice');
  await doctorPage.getByRole('button', { name: 'Save' }).click();
  await doctorPage.getByText('Your profile has been saved.').waitFor();

  const me = await call<{ user: { id: string } }>('POST', '/api/doctors/login', {
    body: { email: 'priya.menon@arogyam.dev', password: 'arogyam-demo-1' },
  });
  const profile = await call<DoctorPublicProfileView>('GET', `/api/doctors/${me.body.user.id}`);
  expect(profile.body).toMatchObject({
    qualifications: 'MBBS, DNB (Family Medicine), MRCGP',
    clinic: { name: 'Koramangala Family Practice', city: 'Bengaluru' },
    photo: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
  });

  // A clinic without its address is refused beside the field.
  await doctorPage.getByLabel('Clinic address').fill('');
  await doctorPage.getByRole('button', { name: 'Save' }).click();
  await doctorPage.getByText('Please correct the highlighted fields.').waitFor();
}, 60000);

/**
 * The words on the page that are English: what is left of the page's text once the people's and
 * doctors' own data (names, places, degrees), the brand and the few codes every language writes in
 * Latin letters (PDF, time zones) are taken out.
 */
async function englishLeft(page: Page, data: readonly string[]): Promise<string[]> {
  const text = await page.locator('body').innerText();
  const withoutData = [...data]
    .filter(Boolean)
    .sort((a, b) => b.length - a.length)
    .reduce((left, value) => left.split(value).join(' '), text);
  // Zone abbreviations (IST, UTC, GMT) are codes every language writes in Latin letters.
  return [...new Set(withoutData.match(/[A-Za-z]{2,}/g) ?? [])].filter(
    (word) => !['Arogyam', 'PDF', 'IST', 'UTC', 'GMT', 'SMS', 'Dr'].includes(word),
  );
}

/** Every string field of the seeded doctors (names, specialties, cities, languages, degrees, clinics). */
async function doctorData(): Promise<string[]> {
  const call = httpClient(platform.baseUrl);
  const doctors = await call<ResultPage<DoctorSummary>>('GET', '/api/doctors?limit=100');
  return doctors.body.items.flatMap((doctor) => [
    doctor.fullName,
    doctor.specialization,
    doctor.city ?? '',
    ...doctor.languages,
    doctor.qualifications ?? '',
    doctor.clinic?.name ?? '',
    doctor.clinic?.addressLine ?? '',
    doctor.clinic?.city ?? '',
  ]);
}

test('in Hindi, a new patient registers, searches, books and cancels with no English on the way but names and data; the choice is remembered', async () => {
  const someone = `${unique}hi`;
  const person = browserPatient(`Kavita Rao ${someone}`, someone);
  const data = [...(await doctorData()), person.fullName, person.email];
  const page = await apps.pages.open();
  await page.goto(`${apps.urls.patient}/register`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('hi');
  await page.getByRole('heading', { level: 1, name: 'अपना खाता बनाएँ' }).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
  expect(await englishLeft(page, data)).toEqual([]);

  await page.getByLabel('पूरा नाम').fill(person.fullName);
  await page.getByLabel('ईमेल').fill(person.email);
  await page.getByLabel('पासवर्ड').fill(person.password);
  await page.getByLabel('मैंने निजता सूचना पढ़ ली है और उसे स्वीकार करता/करती हूँ').check();
  await page.getByRole('button', { name: 'खाता बनाएँ' }).click();
  await page.getByRole('heading', { level: 1, name: 'डॉक्टर खोजें' }).waitFor();
  await page.getByText('अगला खाली समय:').first().waitFor();
  expect(await englishLeft(page, data)).toEqual([]);

  await page.getByLabel('नाम से खोजें').fill('heart');
  await page.getByLabel('शहर').fill('Bangalore');
  await page.keyboard.press('Enter');
  const card = page.getByRole('listitem').filter({ hasText: 'Dr. Meera Iyer' });
  await card.getByText('अगला खाली समय:').waitFor();
  expect(await englishLeft(page, [...data, 'heart', 'Bangalore'])).toEqual([]);

  await card.getByRole('link', { name: 'Dr. Meera Iyer' }).click();
  await page.getByRole('heading', { level: 1, name: 'Dr. Meera Iyer' }).waitFor();
  const firstFree = page.getByRole('button', { name: /^\d{2}:\d{2}$/ }).first();
  await firstFree.waitFor();
  // Reviews are patients' words and the bio the doctor's, shown as written.
  const meeraId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
  const profile = await httpClient(platform.baseUrl)<DoctorPublicProfileView>(
    'GET',
    `/api/doctors/${meeraId}`,
  );
  const reviews = [...(await page.locator('.review-list').allInnerTexts()), profile.body.bio ?? ''];
  expect(await englishLeft(page, [...data, ...reviews])).toEqual([]);

  await firstFree.click();
  const dialog = page.getByRole('dialog', { name: 'अपने अपॉइंटमेंट की पुष्टि करें' });
  await dialog.getByText(/^रद्द करना:/).waitFor();
  expect(await englishLeft(page, [...data, ...reviews])).toEqual([]);
  await dialog.getByRole('button', { name: 'बुकिंग की पुष्टि करें' }).click();
  await page.waitForURL(/\/appointments\/[^/]+$/);
  await page.getByRole('heading', { name: 'भुगतान' }).waitFor();
  await page.getByText('अभी भुगतान नहीं हुआ').waitFor();
  // The account took the language the app is shown in, so what the services write is in it too.
  const bookingEmail = await waitFor(
    async () =>
      (await emailsTo(platform.outboxDir, person.email)).find((sent) => sent.subject.includes('Meera Iyer')),
    15000,
    'the booking email',
  );
  expect(bookingEmail?.subject).toBe('Dr. Meera Iyer के साथ अपॉइंटमेंट बुक हुआ');

  // Remembered on this device: a reload is still in Hindi.
  await page.reload();
  await page.getByRole('button', { name: 'अपॉइंटमेंट रद्द करें' }).waitFor();
  expect(await englishLeft(page, data)).toEqual([]);

  await page.getByRole('button', { name: 'अपॉइंटमेंट रद्द करें' }).click();
  await page
    .getByText(/रद्द करने पर|फ़ीस पूरी वापस मिलेगी|फ़ीस वापस नहीं मिलेगी/)
    .first()
    .waitFor();
  expect(await englishLeft(page, data)).toEqual([]);
  await page.getByRole('button', { name: 'हाँ, रद्द करें' }).click();
  await page.getByText('आपका अपॉइंटमेंट रद्द कर दिया गया।').waitFor();

  await page.getByRole('link', { name: 'मेरे अपॉइंटमेंट' }).first().click();
  await page.getByRole('link', { name: 'पिछले' }).click();
  const past = page.getByRole('list', { name: 'पिछले अपॉइंटमेंट' });
  await past.getByText('Dr. Meera Iyer').waitFor();
  await past.getByText('रद्द').waitFor();
  expect(await englishLeft(page, data)).toEqual([]);
}, 120000);
