import { nthEmailTo, resetLinkIn } from '../e2e/emails';
import { startPlatform, type Platform } from '../e2e/platform';
import {
  closeAfterTests,
  browserPatient,
  logIn,
  openBrowserApps,
  signUpPatient,
  type BrowserApps,
} from './flows';

let platform: Platform;
let apps: BrowserApps<'patient'>;

const unique = Math.random().toString(36).slice(2, 7);
const NEW_PASSWORD = 'monsoon kettle harbour 58';

beforeAll(async () => {
  platform = await startPlatform();
  apps = await openBrowserApps(platform.baseUrl, ['patient']);
}, 120000);

closeAfterTests('password-reset', () => ({ apps, platform }), 120000);

test('a patient who forgot the password resets it from the emailed link and logs in with the new one; the link works once', async () => {
  const patient = browserPatient('Meenal Joshi', unique);
  await signUpPatient(await apps.pages.open(), apps.urls.patient, patient);

  // Another device, signed out: "Forgot password?" on the login page.
  const page = await apps.pages.open();
  await page.goto(`${apps.urls.patient}/login`);
  await page.getByRole('link', { name: 'Forgot password?' }).click();
  await page.getByRole('heading', { level: 1, name: 'Forgot your password?' }).waitFor();
  await page.getByLabel('Email').fill(patient.email);
  await page.getByRole('button', { name: 'Send reset link' }).click();
  await page.getByRole('status').filter({ hasText: 'If an account exists for that email' }).waitFor();

  // The email arrives (the dev outbox) with a link to the patient app's reset page.
  const email = await nthEmailTo(platform.outboxDir, patient.email, 1);
  const link = new URL(resetLinkIn(email).link);
  expect(link.pathname).toBe('/reset-password');
  // The served app's port, which the email's configured address cannot know.
  const opened = `${apps.urls.patient}${link.pathname}${link.search}`;
  await page.goto(opened);
  await page.getByLabel('New password', { exact: true }).waitFor();
  // The token leaves the address bar once the page has it.
  expect(new URL(page.url()).search).toBe('');

  // Two different passwords are caught before anything is sent.
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(`${NEW_PASSWORD}!`);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.getByText('does not match the new password').waitFor();

  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Set new password' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByText('Your password has been changed. Log in with your new password.').waitFor();

  // The old password no longer works; the new one does.
  await page.getByLabel('Email').fill(patient.email);
  await page.getByLabel('Password').fill(patient.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
  await logIn(page, apps.urls.patient, { email: patient.email, password: NEW_PASSWORD });

  // The same link again is refused on opening, with a way to ask for a new one.
  const again = await apps.pages.open();
  await again.goto(opened);
  await again.getByRole('alert').filter({ hasText: 'expired or has already been used' }).waitFor();
  await again.getByRole('link', { name: 'Ask for a new link' }).waitFor();
  expect(await again.getByLabel('New password', { exact: true }).count()).toBe(0);
});

test('a signed-in patient changes the password on the profile page and stays signed in', async () => {
  const patient = browserPatient('Tara Pillai', unique);
  const page = await apps.pages.open();
  await signUpPatient(page, apps.urls.patient, patient);
  await page.goto(`${apps.urls.patient}/profile`);
  const form = page.getByRole('form', { name: 'Change password' });

  await form.getByLabel('Current password').fill('not-the-password');
  await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await form.getByRole('button', { name: 'Change password' }).click();
  await form.getByText('is not your current password').waitFor();

  await form.getByLabel('Current password').fill(patient.password);
  await form.getByRole('button', { name: 'Change password' }).click();
  await form.getByText('Your password has been changed. Other devices were signed out.').waitFor();

  // Still signed in in this tab (the new session), and the new password is the one that works.
  await page.goto(`${apps.urls.patient}/appointments`);
  await page.waitForURL((url) => url.pathname === '/appointments');
  const other = await apps.pages.open();
  await logIn(other, apps.urls.patient, { email: patient.email, password: NEW_PASSWORD });
});

test('a patient deletes their account from the profile page, is signed out and cannot sign in again', async () => {
  const patient = browserPatient('Kavya Menon', unique);
  const page = await apps.pages.open();
  await signUpPatient(page, apps.urls.patient, patient);
  await page.goto(`${apps.urls.patient}/profile`);
  const panel = page.getByRole('region', { name: 'Delete my account' });
  await panel.getByText('because the law requires them to keep these records').waitFor();
  await panel.getByRole('button', { name: 'Delete my account' }).click();

  // A wrong password is refused in the form, and nothing changes.
  const password = panel.getByLabel('Password', { exact: true });
  await expect(password.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
  await password.fill('not-the-password');
  await panel.getByRole('button', { name: 'Delete my account for good' }).click();
  await panel.getByRole('alert').filter({ hasText: 'Your password is not right.' }).waitFor();

  await password.fill(patient.password);
  await panel.getByRole('button', { name: 'Delete my account for good' }).click();
  await page.waitForURL((url) => url.pathname === '/account-deleted');
  await page.getByRole('heading', { level: 1, name: 'Your account was deleted' }).waitFor();
  // Signed out: the profile page asks to log in, and the old email and password no longer work.
  await page.goto(`${apps.urls.patient}/profile`);
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByLabel('Email').fill(patient.email);
  await page.getByLabel('Password').fill(patient.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
});
