import { PASSWORDS } from '../e2e/people';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium, repoRoot, serveSpa, type Account, type SpaServer } from '@arogyam/testing';
import type { httpClient } from '../e2e/http';
import type { Person } from '../e2e/people';
import type { Platform } from '../e2e/platform';

/** What a person types to sign in, and the login page flow (libs/testing, shared with the video benchmark). */
export { logIn, type Account } from '@arogyam/testing';

export interface NewPatient extends Account {
  fullName: string;
}

/** The browser pages of a spec, each in a context of its own: its own storage, so its own session. */
export interface TestPages {
  open(options?: BrowserContextOptions): Promise<Page>;
  /** Screenshots of every page as tmp/<name>-<n>.png, for reading a failure (tmp/ is not committed). */
  screenshot(name: string): Promise<void>;
}

export function testPages(browser: Browser): TestPages {
  const pages: Page[] = [];
  return {
    async open(options) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.setDefaultTimeout(15000);
      pages.push(page);
      return page;
    },
    async screenshot(name) {
      await Promise.all(
        pages.map((page, i) =>
          page
            .screenshot({ path: `${repoRoot}/tmp/${name}-${i}.png`, fullPage: true })
            .catch(() => undefined),
        ),
      );
    },
  };
}

export type AppName = 'patient' | 'doctor' | 'admin';

/** The built SPAs a spec uses, served against the platform's gateway, and Chromium to open them in. */
export interface BrowserApps<A extends AppName> {
  /** Each app's base URL. */
  urls: Record<A, string>;
  pages: TestPages;
  close(): Promise<void>;
}

export async function openBrowserApps<A extends AppName>(
  gatewayUrl: string,
  apps: readonly A[],
): Promise<BrowserApps<A>> {
  const servers: SpaServer[] = await Promise.all(apps.map((app) => serveSpa(`${app}-web`, gatewayUrl)));
  const stopServers = () => Promise.all(servers.map((server) => server.stop()));
  const browser = await launchChromium().catch(async (error: unknown) => {
    await stopServers();
    throw error;
  });
  return {
    urls: Object.fromEntries(apps.map((app, i) => [app, servers[i].url])) as Record<A, string>,
    pages: testPages(browser),
    async close() {
      await browser.close();
      await stopServers();
    },
  };
}

/**
 * The hooks a browser spec ends with: after each test, screenshots of its pages (tmp/<name>-<n>.png,
 * for reading a failure); after the last, its apps and platform closed. `opened` answers them as
 * they are then (beforeAll sets them; a failed start leaves them unset).
 */
export function closeAfterTests(
  name: string,
  opened: () => { apps?: Pick<BrowserApps<AppName>, 'pages' | 'close'>; platform?: Platform },
  timeoutMs = 60000,
): void {
  afterEach(async () => {
    await opened().apps?.pages.screenshot(name);
  });
  afterAll(async () => {
    const { apps, platform } = opened();
    await apps?.close();
    await platform?.stop();
  }, timeoutMs);
}

/** A patient a browser spec signs up or registers: `<first name>.<unique>@browser.test`, the patients' password. */
export const browserPatient = (fullName: string, unique: string): NewPatient => ({
  fullName,
  email: `${fullName.split(' ')[0].toLowerCase()}.${unique}@browser.test`,
  password: PASSWORDS.patient,
});

/** A visitor creates a patient account in the patient app and lands, signed in, on doctor search. */
export async function signUpPatient(page: Page, appUrl: string, patient: NewPatient): Promise<void> {
  await page.goto(`${appUrl}/register`);
  await page.getByLabel('Full name').fill(patient.fullName);
  await page.getByLabel('Email').fill(patient.email);
  await page.getByLabel('Password').fill(patient.password);
  await page.getByLabel('I have read and accept the privacy notice').check();
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { level: 1, name: 'Find a doctor' }).waitFor();
}

/** How someone registered through the API with tests/e2e/people.ts signs in: their profile's email, its password. */
export async function accountOf(
  call: ReturnType<typeof httpClient>,
  role: 'patient' | 'doctor',
  person: Person,
): Promise<Account> {
  const me = await call<{ email: string }>('GET', `/api/${role}s/me`, { token: person.token });
  if (me.status !== 200) throw new Error(`reading the ${role}'s profile answered ${me.status}`);
  return { email: me.body.email, password: PASSWORDS[role] };
}
