import { httpClient } from '../e2e/http';
import { bookFirstFreeSlot, registerPatient, verifiedDoctorWithHours } from '../e2e/people';
import { ADMIN, startPlatformAsAdmin, type Platform } from '../e2e/platform';
import { closeAfterTests, accountOf, logIn, openBrowserApps, type BrowserApps } from './flows';

let platform: Platform;
let apps: BrowserApps<'patient' | 'doctor' | 'admin'>;
let call: ReturnType<typeof httpClient>;
let adminToken: string;

beforeAll(async () => {
  ({ platform, call, adminToken } = await startPlatformAsAdmin({ AUTH_THROTTLE_IP_LIMIT: '1000' }));
  apps = await openBrowserApps(platform.baseUrl, ['patient', 'doctor', 'admin']);
}, 120000);

closeAfterTests('case-studies', () => ({ apps, platform }), 120000);

test('a doctor writes a case naming a patient, is shown where, fixes it; an admin returns it, then publishes it; a visitor finds it by tag', async () => {
  const doctor = await verifiedDoctorWithHours(call, adminToken, 'Dr Leela Narayan');
  const patient = await registerPatient(call, 'Mohan Das');
  await bookFirstFreeSlot(call, doctor, patient);
  const title = `Vertigo on turning in bed ${Math.random().toString(36).slice(2, 6)}`;

  // The doctor writes the case; it names their patient and holds a phone number.
  const doctorPage = await apps.pages.open({ viewport: { width: 390, height: 844 } });
  await logIn(doctorPage, apps.urls.doctor, await accountOf(call, 'doctor', doctor));
  await doctorPage.goto(`${apps.urls.doctor}/case-studies`);
  await doctorPage.getByRole('link', { name: 'Write a case study' }).click();
  const field = (label: string) => doctorPage.getByLabel(label, { exact: true });
  await field('Title').fill(title);
  await field('Specialty').fill('ENT');
  await field('Tags').fill('BPPV, vertigo');
  await field('Presentation').fill('Mohan Das, 58, had vertigo on turning in bed. Call 9845012345.');
  await field('Diagnosis').fill('Posterior canal BPPV.');
  await field('Treatment').fill('Epley manoeuvre.');
  await field('Outcome').fill('Free of vertigo at 2 weeks.');
  await field('Learning points').fill('Test every positional vertigo with Dix-Hallpike.');
  await doctorPage.getByRole('button', { name: 'Submit for review' }).click();

  // Refused, with the places under the field, which gets the focus and is described by them.
  await doctorPage.getByText("A patient's name in Presentation, characters 1–9.").waitFor();
  await doctorPage.getByText('A phone number in Presentation, characters 52–61.').waitFor();
  await doctorPage.waitForFunction(() => document.activeElement?.id === 'case-presentation');
  await expect(field('Presentation').getAttribute('aria-describedby')).resolves.toContain(
    'case-presentation-error',
  );

  await field('Presentation').fill('A 58-year-old man had vertigo on turning in bed.');
  await doctorPage.getByRole('button', { name: 'Submit for review' }).click();
  await doctorPage.getByText('Status: In review').waitFor();

  // The admin returns it with a comment.
  const adminPage = await apps.pages.open();
  await logIn(adminPage, apps.urls.admin, ADMIN);
  await adminPage.getByRole('link', { name: 'Case studies' }).click();
  const row = adminPage.getByRole('listitem').filter({ hasText: title });
  await row.getByRole('button', { name: 'Return with comments' }).click();
  await row.getByLabel('Comments for the author').fill('Add the Dix-Hallpike result.');
  await row.getByRole('button', { name: 'Return to author' }).click();
  await row.waitFor({ state: 'detached' });

  // The doctor sees why, adds the result and submits again.
  await doctorPage.goto(`${apps.urls.doctor}/case-studies`);
  const mine = doctorPage.getByRole('listitem').filter({ hasText: title });
  await mine.getByText('Returned with comments').waitFor();
  await mine.getByText('Add the Dix-Hallpike result.').waitFor();
  await mine.getByRole('link', { name: title }).click();
  await field('Investigations').fill('Dix-Hallpike positive on the right.');
  await doctorPage.getByRole('button', { name: 'Submit for review' }).click();
  await doctorPage.getByText('Status: In review').waitFor();

  // The admin publishes it.
  await adminPage.reload();
  await row.getByRole('button', { name: 'Approve and publish' }).click();
  await row.waitFor({ state: 'detached' });

  // A visitor of the patient app finds it by its tag and reads it.
  const visitorPage = await apps.pages.open({ viewport: { width: 390, height: 844 } });
  await visitorPage.goto(`${apps.urls.patient}/case-studies`);
  await visitorPage.getByLabel('Tag', { exact: true }).fill('bppv');
  await visitorPage.getByRole('button', { name: 'Search' }).click();
  await visitorPage.getByRole('link', { name: title }).click();
  await visitorPage.getByRole('heading', { level: 1, name: title }).waitFor();
  await visitorPage.getByText('Dix-Hallpike positive on the right.').waitFor();
  expect(await visitorPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}, 120000);
