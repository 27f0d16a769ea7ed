import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { natsEnv, repoRoot, startApp, uniqueDbName, useInfra, type Infra } from '@arogyam/testing';
import { E2E_PAYMENT_SANDBOX_SECRET, JWT_SECRET } from './platform';

/**
 * Item 3 of the security issue: with NODE_ENV=production a process given a secret printed in the
 * repository, a short secret, the sandbox payment provider (unless allowed) or the demo admin
 * stops at start (exit 78, EX_CONFIG) and names the problem. Nothing connects before that.
 */
const OWN_SECRET = 'c9f1a7e2b4d8061e3a5f7c9b1d3e5a7f9b1c3d5e7f9a1b3c';
const NOWHERE = {
  NATS_URL: 'nats://127.0.0.1:9',
  // A production process must name its NATS user (the refusal is tested below).
  NATS_USER: 'gateway',
  NATS_PASSWORD: 'not-checked-before-connecting',
  MONGO_URL: 'mongodb://127.0.0.1:9',
  LOG_LEVEL: 'warn',
};

/**
 * Starts the built app and stops it after `timeoutMs` unless it ended by itself. A config refusal
 * ends it at once, but loading the app takes seconds on a busy machine: a refusal is given 20 s.
 */
function start(
  app: string,
  env: Record<string, string>,
  timeoutMs = 3000,
): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [join(repoRoot, 'apps', app, 'dist', 'main.js')], {
    env: { PATH: process.env.PATH, ...NOWHERE, ...env },
    timeout: timeoutMs,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const refused = (app: string, env: Record<string, string>, message: RegExp) => {
  const { status, output } = start(app, { NODE_ENV: 'production', ...env }, 20_000);
  expect(output).toMatch(message);
  expect(output).toMatch(/cannot start/);
  expect(status).toBe(78);
};

jest.setTimeout(120_000);

describe('a production start refuses what is only for development', () => {
  it.each([
    ['the e2e secret', JWT_SECRET],
    ["npm start's secret", 'dev-only-secret-change-me-in-production-0123'],
    ["compose's and the k8s base's secret", 'dev-only-jwt-secret-change-me-in-production'],
  ])('gateway and user-service refuse JWT_SECRET = %s', (_name, secret) => {
    refused('gateway', { JWT_SECRET: secret }, /JWT_SECRET is a development value printed in the repository/);
    refused('user-service', { JWT_SECRET: secret }, /JWT_SECRET is a development value/);
  });

  it('refuses a 32-character secret that is a placeholder, and a short TURN secret', () => {
    refused(
      'gateway',
      { JWT_SECRET: 'please-change-me-0000000000000000000' },
      /JWT_SECRET is a development value/,
    );
    refused(
      'video-service',
      { TURN_SECRET: 'short-turn' },
      /TURN_SECRET is 10 characters; production needs at least 32/,
    );
  });

  it('refuses to connect to NATS without its own user and password', () => {
    for (const app of ['gateway', 'user-service', 'chat-service']) {
      refused(app, { JWT_SECRET: OWN_SECRET, NATS_USER: '', NATS_PASSWORD: '' }, /NATS_USER is missing/);
      refused(app, { JWT_SECRET: OWN_SECRET, NATS_PASSWORD: '' }, /NATS_PASSWORD is missing/);
    }
  });

  it('refuses the demo admin: its printed password and its demo address', () => {
    refused(
      'user-service',
      { JWT_SECRET: OWN_SECRET, ADMIN_EMAIL: 'root@hospital.example.in', ADMIN_PASSWORD: 'arogyam-admin-1' },
      /ADMIN_PASSWORD is a development value/,
    );
    refused(
      'user-service',
      {
        JWT_SECRET: OWN_SECRET,
        ADMIN_EMAIL: 'admin@arogyam.dev',
        ADMIN_PASSWORD: 'a-long-password-of-our-own-7',
      },
      /ADMIN_EMAIL is a demo account/,
    );
  });

  it('refuses the sandbox payment provider, and its printed secrets even when the sandbox is allowed', () => {
    refused(
      'payment-service',
      { PAYMENT_SANDBOX_SECRET: OWN_SECRET },
      /the sandbox payment provider takes no money/,
    );
    for (const secret of [
      E2E_PAYMENT_SANDBOX_SECRET,
      'dev-only-payment-sandbox-secret',
      'compose-demo-payment-sandbox-secret',
    ]) {
      refused(
        'payment-service',
        { PAYMENT_SANDBOX_SECRET: secret, PAYMENT_ALLOW_SANDBOX_IN_PRODUCTION: 'true' },
        /PAYMENT_SANDBOX_SECRET is a development value/,
      );
    }
  });

  it("refuses emailed links to a developer's machine or over plain http", () => {
    refused(
      'notification-service',
      {},
      /PATIENT_APP_URL is http:\/\/127\.0\.0\.1:5173, the development default/,
    );
    refused(
      'notification-service',
      {
        PATIENT_APP_URL: 'https://patient.hospital.example.in',
        DOCTOR_APP_URL: 'http://doctor.hospital.example.in',
        ADMIN_APP_URL: 'https://admin.hospital.example.in',
      },
      /DOCTOR_APP_URL must be an https address in production/,
    );
  });

  it('starts (gets past its config) with secrets of its own, and in development with the dev ones', () => {
    const cases: [string, Record<string, string>][] = [
      ['gateway', { NODE_ENV: 'production', JWT_SECRET: OWN_SECRET }],
      [
        'payment-service',
        {
          NODE_ENV: 'production',
          PAYMENT_SANDBOX_SECRET: OWN_SECRET,
          PAYMENT_ALLOW_SANDBOX_IN_PRODUCTION: 'true',
        },
      ],
      [
        'notification-service',
        {
          NODE_ENV: 'production',
          PATIENT_APP_URL: 'https://patient.hospital.example.in',
          DOCTOR_APP_URL: 'https://doctor.hospital.example.in',
          ADMIN_APP_URL: 'https://admin.hospital.example.in/',
        },
      ],
      ['notification-service', { NODE_ENV: 'development' }],
      ['gateway', { NODE_ENV: 'development', JWT_SECRET }],
      ['payment-service', { PAYMENT_SANDBOX_SECRET: E2E_PAYMENT_SANDBOX_SECRET }],
    ];
    for (const [app, env] of cases) {
      const { status, output } = start(app, env);
      expect({ app, output: output.includes('cannot start') }).toEqual({ app, output: false });
      expect(status).not.toBe(78);
    }
  });
});

describe('a production user-service refuses a database that holds demo accounts', () => {
  let infra: Infra;
  beforeAll(async () => {
    infra = await useInfra();
  }, 90000);
  afterAll(async () => {
    await infra?.stop();
  });

  const productionUserService = (database: string) =>
    startApp('user-service', {
      env: {
        NODE_ENV: 'production',
        ...natsEnv(infra, 'user'),
        MONGO_URL: infra.mongoUrl,
        MONGO_DB: database,
        JWT_SECRET: OWN_SECRET,
      },
    });

  it('stops at start while the seeded demo patient exists, and starts once it is gone', async () => {
    const database = uniqueDbName('users');
    const mongo = await MongoClient.connect(infra.mongoUrl);
    const accounts = mongo.db(database).collection<{ _id: string; email: string }>('users');
    await accounts.insertOne({ _id: 'demo-patient', email: 'patient@arogyam.dev' });

    await expect(productionUserService(database)).rejects.toThrow(
      /exited with code 78[\s\S]*demo accounts whose password is printed in the README \(patient@arogyam.dev\)/,
    );

    await accounts.deleteOne({ _id: 'demo-patient' });
    const started = await productionUserService(database);
    await started.stop();
    await mongo.close();
  }, 60000);
});
