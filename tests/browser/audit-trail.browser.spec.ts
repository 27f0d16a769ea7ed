import { readFile } from 'node:fs/promises';
import { waitFor } from '@arogyam/testing';
import { httpClient } from '../e2e/http';
import { bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours, type Person } from '../e2e/people';
import { ADMIN, signInAdmin, startPlatform, type Platform } from '../e2e/platform';
import { closeAfterTests, accountOf, logIn, openBrowserApps, type Account, type BrowserApps } from './flows';

let platform: Platform;
let apps: BrowserApps<'patient' | 'admin'>;
let patientPerson: Person;
let patient: Account;
let doctorName: string;

const unique = Math.random().toString(36).slice(2, 7);

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  const call = httpClient(platform.baseUrl);
  const admin = await signInAdmin(call);
  doctorName = `Dr Meera Audit ${unique}`;
  const doctor = await verifiedDoctorWithHours(call, admin.token, doctorName);
  patientPerson = await registerPatient(call, `Lata Audit ${unique}`);
  const { id: appointmentId } = await bookFirstFreeSlot(call, doctor, patientPerson);
  for (const status of ['checked_in', 'in_consultation']) {
    await call('POST', `/api/appointments/${appointmentId}/status`, {
      token: doctor.token,
      body: { status },
    });
  }
  const prescription = await call<{ id: string }>('POST', '/api/prescriptions', {
    token: doctor.token,
    body: {
      appointmentId,
      items: [{ drug: 'Amoxicillin 500 mg', dose: '1 capsule', frequency: 'thrice daily', durationDays: 5 }],
    },
  });
  expect(prescription.status).toBe(201);
  // The doctor opens it once more: the patient should see that.
  expect(
    (await call('GET', `/api/prescriptions/${prescription.body.id}`, { token: doctor.token })).status,
  ).toBe(200);
  await waitFor(
    async () => {
      const seen = await call<{ total: number }>('GET', '/api/patients/me/audit', {
        token: patientPerson.token,
      });
      return seen.body.total >= 2;
    },
    20000,
    'the accesses in the trail',
  );
  patient = await accountOf(call, 'patient', patientPerson);
  apps = await openBrowserApps(platform.baseUrl, ['patient', 'admin']);
}, 120000);

closeAfterTests('audit-trail', () => ({ apps, platform }));

test('the patient sees in words who opened her records; an admin finds the same by patient and downloads it as CSV', async () => {
  const patientPage = await apps.pages.open();
  await logIn(patientPage, apps.urls.patient, patient);
  await patientPage.getByRole('link', { name: 'Who viewed my records' }).click();
  await patientPage.getByRole('heading', { level: 1, name: 'Who viewed my records' }).waitFor();
  const list = patientPage.getByRole('list', { name: 'Who viewed my records' });
  await list.getByText(`${doctorName} opened your prescription`).waitFor();
  await list.getByText(`${doctorName} wrote your prescription`).waitFor();

  const adminPage = await apps.pages.open();
  await logIn(adminPage, apps.urls.admin, ADMIN);
  await adminPage.getByRole('link', { name: 'Audit trail' }).click();
  await adminPage.getByLabel('Patient id').fill(patientPerson.id);
  await adminPage.getByRole('button', { name: 'Search' }).click();
  const rows = adminPage.getByRole('row').filter({ hasText: 'prescription' });
  await rows.first().waitFor();
  expect(await rows.count()).toBe(2);

  const [download] = await Promise.all([
    adminPage.waitForEvent('download'),
    adminPage.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  const csv = (await readFile(await download.path())).toString('utf8').trim().split('\r\n');
  expect(csv[0]).toMatch(/^occurredAt,actorId,actorRole,patientId,kind,/);
  expect(csv).toHaveLength(3);
  expect(csv.slice(1).every((row) => row.includes(patientPerson.id))).toBe(true);
});

test('an admin opens analytics, changes the range and downloads a table as CSV', async () => {
  const zone = 'Asia/Kolkata';
  const dayIn = (offsetDays: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(
      new Date(Date.now() + offsetDays * 86_400_000),
    );
  const [from, to] = [dayIn(-1), dayIn(2)];
  // The booking of beforeAll has reached analytics-service (its consumer runs apart from the API).
  const call = httpClient(platform.baseUrl);
  const admin = await signInAdmin(call);
  await waitFor(
    async () => {
      const report = await call<{ summary: { consultations: number } }>(
        'GET',
        `/api/admin/analytics?from=${from}&to=${to}&tz=${zone}`,
        { token: admin.token },
      );
      return report.body.summary?.consultations === 1;
    },
    20000,
    'the booking in the analytics',
  );

  const adminPage = await apps.pages.open({ timezoneId: zone });
  await logIn(adminPage, apps.urls.admin, ADMIN);
  await adminPage.getByRole('link', { name: 'Analytics' }).click();
  await adminPage.getByRole('heading', { level: 1, name: 'Analytics' }).waitFor();
  await adminPage.getByLabel('Range', { exact: true }).selectOption('7');
  await adminPage.waitForURL(/range=7/);
  // Both accounts of beforeAll signed up today.
  await adminPage.locator('.stat', { hasText: 'New patients' }).getByText('1', { exact: true }).waitFor();

  await adminPage.getByLabel('Range', { exact: true }).selectOption('custom');
  await adminPage.getByLabel('From', { exact: true }).fill(from);
  await adminPage.getByLabel('To', { exact: true }).fill(to);
  await adminPage.getByRole('button', { name: 'Show' }).click();
  await adminPage.waitForURL(new RegExp(`from=${from}&to=${to}`));
  await adminPage.getByRole('img', { name: /Chart of consultations by outcome/ }).waitFor();
  const specialties = adminPage.getByRole('region', { name: 'Busiest specialties' });
  await specialties.getByRole('row', { name: /General Medicine 1 0/ }).waitFor();

  const [download] = await Promise.all([
    adminPage.waitForEvent('download'),
    adminPage.getByRole('button', { name: 'Download CSV: Busiest specialties' }).click(),
  ]);
  const csv = (await readFile(await download.path())).toString('utf8').trim().split('\r\n');
  expect(csv).toEqual(['specialty,consultations,completed', 'General Medicine,1,0']);
});
