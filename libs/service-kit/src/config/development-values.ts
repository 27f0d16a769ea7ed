/**
 * Secrets and passwords printed in this repository (npm start, docker-compose, the k8s base
 * Secret, the demo seed, the tests): public, so never secrets. With NODE_ENV=production a process
 * given one of them refuses to start (production-problems.ts).
 */
export const DEVELOPMENT_VALUES: ReadonlySet<string> = new Set([
  'dev-only-secret-change-me-in-production-0123',
  'dev-only-jwt-secret-change-me-in-production',
  'dev-only-payment-sandbox-secret',
  'compose-demo-payment-sandbox-secret',
  'dev-only-turn-secret-change-me',
  'arogyam-admin-1',
  'arogyam-demo-1',
  'e2e-secret-e2e-secret-e2e-secret-0123456789',
  'e2e-payment-sandbox-secret-0123',
]);

/** The demo accounts' domain (scripts/seed-demo.mjs, ADMIN_EMAIL's development default). */
export const DEMO_EMAIL_DOMAIN = '@arogyam.dev';

/**
 * The accounts `npm start` seeds (scripts/seed-demo.mjs: keep the two in step), whose password is
 * printed in the README: user-service refuses to start in production while any of them exists.
 */
export const DEMO_ACCOUNT_EMAILS: readonly string[] = [
  'admin',
  'patient',
  'meera.iyer',
  'arjun.mehta',
  'fatima.sheikh',
  'rohan.das',
  'kavya.nair',
  'vikram.singh',
  'lakshmi.rao',
  'sanjay.kulkarni',
  'ananya.bose',
  'harpreet.kaur',
  'rahul.verma',
  'priya.menon',
  'imran.qureshi',
  'sneha.patil',
  'karthik.subramanian',
  'deepa.joshi',
  'neha.kapoor',
].map((name) => `${name}${DEMO_EMAIL_DOMAIN}`);

/** Words only a placeholder has. */
const PLACEHOLDER = /dev-only|change-?me|example|changeit|placeholder/i;

/**
 * Why `value` cannot be the production secret `name`, or undefined when it can: not printed in
 * the repository, not a placeholder, and at least `minLength` characters.
 */
export function productionSecretProblem(
  name: string,
  value: string | undefined,
  minLength = 32,
): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (DEVELOPMENT_VALUES.has(value) || PLACEHOLDER.test(value)) {
    return `${name} is a development value printed in the repository; set a secret of your own`;
  }
  if (value.length < minLength) {
    return `${name} is ${value.length} characters; production needs at least ${minLength} random characters`;
  }
  return undefined;
}

/** Hosts that only mean something on the developer's own machine. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Why `value` cannot be the production address `name` of a web app people open from an email, or
 * undefined when it can: an https URL on a host other than this machine.
 */
export function productionAppUrlProblem(name: string, value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `${name} is not a URL`;
  }
  if (LOOPBACK_HOST.test(url.hostname))
    return `${name} is ${value}, the development default; set the address people open the app at`;
  if (url.protocol !== 'https:') return `${name} must be an https address in production`;
  return undefined;
}
