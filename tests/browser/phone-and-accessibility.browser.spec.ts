import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import type { AppointmentView, Page as ResultPage } from '@arogyam/contracts';
import { repoRoot } from '@arogyam/testing';
import { httpClient } from '../e2e/http';
import { ADMIN, startPlatform, type Platform } from '../e2e/platform';
import { closeAfterTests, logIn, openBrowserApps, type AppName, type BrowserApps } from './flows';

const run = promisify(execFile);
const AXE = require.resolve('axe-core/axe.min.js');
const PHONE = { width: 390, height: 844 };

/** The seeded demo accounts (scripts/demo-doctors.mjs), whose pages have something on them. */
const DEMO = {
  patient: { email: 'patient@arogyam.dev', password: 'arogyam-demo-1' },
  doctor: { email: 'priya.menon@arogyam.dev', password: 'arogyam-demo-1' },
};

let platform: Platform;
let apps: BrowserApps<AppName>;
let appointmentId: string;
let doctorId: string;

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

beforeAll(async () => {
  platform = await startPlatform({ AUTH_THROTTLE_IP_LIMIT: '1000' });
  await run(process.execPath, [`${repoRoot}/scripts/seed-demo.mjs`, platform.baseUrl], {
    env: { ...process.env, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
  });
  const call = httpClient(platform.baseUrl);
  const patient = await call<{ accessToken: string }>('POST', '/api/patients/login', { body: DEMO.patient });
  const upcoming = await call<ResultPage<AppointmentView>>('GET', '/api/appointments?when=upcoming', {
    token: patient.body.accessToken,
  });
  appointmentId = upcoming.body.items[0].id;
  doctorId = upcoming.body.items[0].doctor.id;
  apps = await openBrowserApps(platform.baseUrl, ['patient', 'doctor', 'admin']);
}, 180000);

closeAfterTests('phone-and-accessibility', () => ({ apps, platform }));

/** A page at phone width once it has settled: its sideways overflow and axe's serious and critical findings. */
async function check(page: Page, url: string): Promise<{ overflow: number; violations: string[] }> {
  await page.goto(url);
  await page.locator('main h1').first().waitFor();
  // Loading states go before a page is judged.
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'), undefined, {
    timeout: 15000,
  });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run()).violations;
  });
  return {
    overflow,
    violations: violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map(
        (violation) =>
          `${violation.id} (${violation.impact}) at ${violation.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
  };
}

async function checkApp(app: AppName, paths: string[], account?: { email: string; password: string }) {
  const page = await apps.pages.open({ viewport: PHONE });
  if (account) await logIn(page, apps.urls[app], account);
  const found: Record<string, { overflow: number; violations: string[] }> = {};
  for (const path of paths) found[path] = await check(page, `${apps.urls[app]}${path}`);
  // The counts, printed as the issue asks; then each page must be clean.
  console.log(
    `${app} app at ${PHONE.width}×${PHONE.height}: ${paths.length} pages, ` +
      `${Object.values(found).filter((result) => result.overflow > 0).length} scroll sideways, ` +
      `${Object.values(found).reduce((sum, result) => sum + result.violations.length, 0)} serious or critical accessibility findings`,
  );
  expect(found).toEqual(Object.fromEntries(paths.map((path) => [path, { overflow: 0, violations: [] }])));
  return page;
}

test('every patient page fits a phone and has no serious accessibility problems', async () => {
  await checkApp('patient', [
    '/login',
    '/register',
    '/forgot-password',
    '/',
    `/doctors/${doctorId}`,
    '/no-such-page',
  ]);
  const page = await checkApp(
    'patient',
    [
      '/',
      '/appointments',
      `/appointments/${appointmentId}`,
      '/messages',
      '/health-records',
      '/medical-profile',
      '/who-viewed',
      '/profile',
      '/notification-settings',
    ],
    DEMO.patient,
  );
  // The links fold behind Menu on a phone, and open from it.
  const nav = page.getByRole('navigation', { name: 'Main' });
  expect(await nav.isVisible()).toBe(false);
  await page.getByRole('button', { name: 'Menu' }).click();
  await nav.getByRole('link', { name: 'My appointments' }).click();
  await page.waitForURL(/\/appointments$/);
  // The menu folds once the new page has rendered, which can be just after the address changed.
  await nav.waitFor({ state: 'hidden', timeout: 5000 });
}, 180000);

test('every doctor page fits a phone and has no serious accessibility problems', async () => {
  await checkApp('doctor', ['/login', '/register']);
  await checkApp(
    'doctor',
    [
      '/',
      '/queue',
      '/appointments',
      `/appointments/${appointmentId}`,
      '/messages',
      '/availability',
      '/earnings',
      '/profile',
      '/notification-settings',
    ],
    DEMO.doctor,
  );
}, 180000);

test('every admin page fits a phone and has no serious accessibility problems', async () => {
  await checkApp('admin', ['/login']);
  await checkApp('admin', ['/', '/users', '/appointments', '/failed-events', '/audit'], ADMIN);
}, 180000);

test('search filters and order at phone width: kept in the URL, through a reload, and an empty result says what to loosen', async () => {
  const page = await apps.pages.open({ viewport: PHONE });
  const cardNames = async (): Promise<string[]> => {
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], .loading'));
    const list = page.getByRole('list', { name: 'Doctors' });
    await list.waitFor();
    return list.getByRole('heading').allTextContents();
  };
  await page.goto(`${apps.urls.patient}/`);
  const everyone = await cardNames();

  await page.getByLabel("Doctor's gender").selectOption('female');
  await page.getByLabel('Sort by').selectOption('fee');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/gender=female/);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ gender: 'female', sort: 'fee' });
  // What the API answers for the same search: the page asked it, and it is not the unfiltered list.
  const call = httpClient(platform.baseUrl);
  const expected = await call<ResultPage<{ fullName: string }>>(
    'GET',
    '/api/doctors?gender=female&sort=fee&limit=12',
  );
  const cheapestWomenFirst = expected.body.items.map((doctor) => doctor.fullName);
  expect(await cardNames()).toEqual(cheapestWomenFirst);
  expect(cheapestWomenFirst).not.toEqual(everyone);

  await page.reload();
  expect(await cardNames()).toEqual(cheapestWomenFirst);
  expect(await page.getByLabel('Sort by').inputValue()).toBe('fee');
  expect(await check(page, page.url())).toEqual({ overflow: 0, violations: [] });

  await page.getByLabel('Highest fee (₹)').fill('1');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText('No doctors match your search.').waitFor();
  expect(await page.getByRole('listitem').filter({ hasText: 'fee up to ₹1' }).count()).toBe(1);
  await page.goBack();
  expect(await cardNames()).toEqual(cheapestWomenFirst);
}, 120000);
