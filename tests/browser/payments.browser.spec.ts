import { waitFor } from '@arogyam/testing';
import { httpClient } from '../e2e/http';
import { bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours, type Person } from '../e2e/people';
import { ADMIN, signInAdmin, startPlatform, type Platform } from '../e2e/platform';
import { closeAfterTests, accountOf, logIn, openBrowserApps, type Account, type BrowserApps } from './flows';

let platform: Platform;
let apps: BrowserApps<'patient' | 'admin' | 'doctor'>;
let call: ReturnType<typeof httpClient>;
let doctor: Person;
let patient: Account;
let doctorAccount: Account;
let appointmentId: string;

const unique = Math.random().toString(36).slice(2, 7);

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  call = httpClient(platform.baseUrl);
  const admin = await signInAdmin(call);
  doctor = await verifiedDoctorWithHours(call, admin.token, `Dr Prakash Jain ${unique}`);
  const patientPerson = await registerPatient(call, `Nisha Bose ${unique}`);
  appointmentId = (await bookFirstFreeSlot(call, doctor, patientPerson)).id;
  patient = await accountOf(call, 'patient', patientPerson);
  doctorAccount = await accountOf(call, 'doctor', doctor);
  apps = await openBrowserApps(platform.baseUrl, ['patient', 'admin', 'doctor']);
}, 120000);

closeAfterTests('payments', () => ({ apps, platform }));

test('a patient pays the fee through the sandbox checkout; an admin refunds part of it; the doctor cancels and the rest comes back', async () => {
  const page = await apps.pages.open();
  await logIn(page, apps.urls.patient, patient);
  await page.goto(`${apps.urls.patient}/appointments/${appointmentId}`);
  const payment = page.getByRole('region', { name: 'Payment' });
  await payment.getByText('Status: Not paid yet').waitFor();
  const fee = (await payment.getByText(/^Consultation fee:/).textContent())?.replace(
    'Consultation fee: ',
    '',
  );
  expect(fee).toMatch(/₹/);

  await payment.getByRole('button', { name: `Pay ${fee}` }).click();
  const checkout = page.getByRole('dialog', { name: /Sandbox checkout/ });
  await checkout.getByRole('button', { name: 'Complete sandbox payment' }).click();
  await payment.getByText('Status: Paid').waitFor();
  await checkout.waitFor({ state: 'detached' });
  expect(await payment.getByRole('button', { name: /^Pay/ }).count()).toBe(0);

  // An admin finds the payment by its appointment and refunds ₹100 of it, with a reason.
  const adminPage = await apps.pages.open();
  await logIn(adminPage, apps.urls.admin, ADMIN);
  await adminPage.getByRole('link', { name: 'Payments' }).click();
  await adminPage.getByLabel('Appointment id').fill(appointmentId);
  await adminPage.getByRole('button', { name: 'Search' }).click();
  await adminPage.getByRole('row').filter({ hasText: appointmentId }).getByRole('link').click();
  const refundForm = adminPage.getByRole('region', { name: 'Refund', exact: true });
  await refundForm.getByLabel('Amount (₹)').fill('100');
  await refundForm.getByLabel('Reason').fill('The video dropped for ten minutes.');
  await refundForm.getByRole('button', { name: 'Refund…' }).click();
  await refundForm
    .getByRole('alertdialog', { name: 'Refund ₹100?' })
    .getByRole('button', { name: 'Confirm refund' })
    .click();
  await adminPage.getByRole('row').filter({ hasText: 'The video dropped for ten minutes.' }).waitFor();
  await adminPage.getByText('Part refunded', { exact: true }).waitFor();

  await page.reload();
  await payment.getByText('Status: Paid, part refunded').waitFor();
  await payment.getByText(/^Refunded ₹100 on /).waitFor();

  // The admin finds the patient among the users by part of her name, typed in another case.
  await adminPage.getByRole('link', { name: 'Users' }).click();
  await adminPage.getByLabel('Search users').fill(`BOSE ${unique.toUpperCase()}`);
  await adminPage.getByRole('row').filter({ hasText: patient.email }).waitFor();
  await adminPage.getByLabel('Search users').fill(`Nobody ${unique}`);
  await adminPage.getByText(`No users match “Nobody ${unique}”.`).waitFor();

  // The doctor's Earnings page shows the consultation with the refund: ₹400 paid, ₹100 back, ₹300 net.
  const doctorPage = await apps.pages.open();
  await logIn(doctorPage, apps.urls.doctor, doctorAccount);
  await doctorPage.getByRole('link', { name: 'Earnings' }).click();
  await doctorPage.getByRole('heading', { name: 'Earnings', level: 1 }).waitFor();
  const consultation = doctorPage
    .getByRole('region', { name: 'Consultations', exact: true })
    .getByRole('row')
    .filter({ hasText: 'Paid, part refunded' });
  // The heading shows before the earnings have loaded: wait for the row itself.
  await consultation.waitFor();
  expect(await consultation.getByRole('cell').allTextContents()).toEqual([
    '₹400',
    '₹400',
    '₹100',
    '₹300',
    'Paid, part refunded',
  ]);
  const refundedStat = doctorPage.getByRole('definition').filter({ hasText: '₹100' });
  expect(await refundedStat.count()).toBeGreaterThan(0);

  // The doctor cancels: a paid fee is refunded in full (payment-service follows the cancellation).
  const cancelled = await call('POST', `/api/appointments/${appointmentId}/cancel`, {
    token: doctor.token,
    body: { reason: 'Called away to an emergency' },
  });
  expect(cancelled.status).toBe(200);
  await waitFor(
    async () => {
      await page.reload();
      await payment.getByText(/^Status:/).waitFor();
      return (await payment.getByText(/^Status:/).textContent()) === 'Status: Refunded';
    },
    15000,
    'the refund on the appointment page',
  );
  await payment.getByText(/Refunded .* \(appointment cancelled\)\./).waitFor();
}, 120000);
