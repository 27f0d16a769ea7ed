#!/usr/bin/env node
// `npm start`: the whole platform on this machine — infra, every service, the gateway, the
// three SPAs and demo data — then prints the URLs. Ctrl-C stops it all; data stays in .data/.
//
// Infra: MONGO_URL / NATS_URL when given (each on its own); the rest from `docker compose` (mongo,
// nats) when a Docker engine answers, else local FerretDB on PostgreSQL and nats-server (installed
// and built by scripts/install-infra.sh, which is quick when everything is there).
//
// NATS runs the generated config (libs/messaging bus-principals.ts) with fresh passwords every run:
// each app connects as its own user. A NATS given by NATS_URL is taken as unauthenticated (a
// developer's own); with NATS_USER/NATS_PASSWORD set too, every app uses that one user instead.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, DEMO_PATIENT, seedDemo } from './seed-demo.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const VITE = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const args = new Set(process.argv.slice(2));
const dataDir = process.env.AROGYAM_DATA_DIR ?? join(root, '.data');
const logDir = join(dataDir, 'logs');
// Every backend service in the repo: apps/*-service.
const SERVICES = readdirSync(join(root, 'apps')).filter((name) => name.endsWith('-service'));
const SPAS = [
  ['patient-web', 5173, 'Patients'],
  ['doctor-web', 5174, 'Doctors'],
  ['admin-web', 5175, 'Admins'],
];
const env = {
  ...process.env,
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  JWT_SECRET: process.env.JWT_SECRET ?? 'dev-only-secret-change-me-in-production-0123',
  ADMIN_EMAIL: process.env.ADMIN_EMAIL ?? 'admin@arogyam.dev',
  ADMIN_PASSWORD: process.env.ADMIN_PASSWORD ?? 'arogyam-admin-1',
  PORT: process.env.PORT ?? '3000',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  // Dev mode: emails and SMS are written as files here instead of being sent.
  SMTP_URL: process.env.SMTP_URL ?? 'dev',
  NOTIFICATION_OUTBOX_DIR: process.env.NOTIFICATION_OUTBOX_DIR ?? join(dataDir, 'outbox'),
  // No Razorpay keys in development: payment-service runs its sandbox provider with this secret.
  PAYMENT_SANDBOX_SECRET: process.env.PAYMENT_SANDBOX_SECRET ?? 'dev-only-payment-sandbox-secret',
};
const gatewayUrl = `http://127.0.0.1:${env.PORT}`;
const supervised = [];
let infra;

const say = (message) => console.log(`[arogyam] ${message}`);
// A URL's user and password are never printed (NATS_URL and MONGO_URL may carry them).
const shown = (url) => url.replace(/\/\/[^@/]*@/g, '//***@');
const fail = (message) => {
  console.error(`[arogyam] ${message}`);
  void shutdown(1);
};
const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env }).status === 0;

async function startInfra() {
  const given = { mongoUrl: process.env.MONGO_URL, natsUrl: process.env.NATS_URL };
  if (given.mongoUrl && given.natsUrl) {
    say(`using MONGO_URL=${shown(given.mongoUrl)} and NATS_URL=${shown(given.natsUrl)}`);
    return { ...given, stop: async () => undefined };
  }
  const require = createRequire(import.meta.url);
  const testing = require(join(root, 'libs/testing/dist/index.js'));
  if (await testing.dockerEngineAnswers()) {
    const services = [given.mongoUrl ? [] : ['mongo'], given.natsUrl ? [] : ['nats']].flat();
    say(`Docker engine found: starting ${services.join(' and ')} with docker compose`);
    let natsPasswords;
    if (!given.natsUrl) {
      // Compose's NATS reads the config from here (docker-compose.yml); recreated to take the new passwords.
      const natsConfigDir = join(dataDir, 'nats-config');
      if (!run(process.execPath, ['scripts/nats-config.mjs', '--out', natsConfigDir]))
        throw new Error('writing the NATS config failed');
      env.AROGYAM_NATS_CONFIG_DIR = natsConfigDir;
      natsPasswords = Object.fromEntries(
        readdirSync(natsConfigDir)
          .filter((name) => name.endsWith('.env'))
          .map((name) => [
            name.slice(0, -4),
            readFileSync(join(natsConfigDir, name), 'utf8').match(/^NATS_PASSWORD=(.*)$/m)[1],
          ]),
      );
    }
    if (!run('docker', ['compose', 'up', '-d', '--force-recreate', ...services]))
      throw new Error('docker compose up failed');
    return {
      mongoUrl: given.mongoUrl ?? 'mongodb://127.0.0.1:27017',
      natsUrl: given.natsUrl ?? 'nats://127.0.0.1:4222',
      natsPasswords,
      stop: async () => undefined,
    };
  }
  if (!run('bash', ['scripts/install-infra.sh'])) {
    throw new Error(
      'Could not install the local infra (see the lines above). Ways out: set MONGO_URL and NATS_URL to running ' +
        'servers; or start a Docker engine (docker compose); or install nats-server, PostgreSQL and Go 1.24+ and rerun.',
    );
  }
  const mongoPort = Number(process.env.MONGO_PORT ?? 27017);
  const natsPort = Number(process.env.NATS_PORT ?? 4222);
  say(
    [
      given.mongoUrl
        ? `using MONGO_URL=${shown(given.mongoUrl)}`
        : `starting FerretDB (on PostgreSQL) on :${mongoPort}`,
      given.natsUrl ? `using NATS_URL=${shown(given.natsUrl)}` : `starting NATS on :${natsPort}`,
    ].join(', ') + ` (data in ${dataDir})`,
  );
  return testing.startLocalInfra({ dataDir, mongoPort, natsPort, logDir, ...given });
}

/**
 * Starts an app under supervision (libs/testing superviseProcess): one that crashes or is killed
 * is started again, after a delay that grows while it keeps failing, and the terminal says so.
 */
function startProcess(testing, name, cmd, cmdArgs, extraEnv, cwd = root) {
  const start = () => {
    const out = openSync(join(logDir, `${name}.log`), 'a');
    const child = spawn(cmd, cmdArgs, {
      cwd,
      env: { ...env, ...appEnv, ...extraEnv },
      stdio: ['ignore', out, out],
    });
    closeSync(out); // the child holds its own copy
    return child;
  };
  const report = (line) => say(`${line}; log: ${join(logDir, `${name}.log`)}`);
  supervised.push(testing.superviseProcess(name, start, report));
}

async function waitForHealth(timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${gatewayUrl}/api/health`);
      if (response.status === 200) return;
      last = JSON.stringify(await response.json());
    } catch (error) {
      last = error.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the platform did not become healthy in ${timeoutMs / 1000}s (${last}); logs in ${logDir}`);
}

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  say('stopping…');
  await Promise.all(supervised.map((app) => app.stop()));
  await infra?.stop?.();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

/**
 * How video-service carries calls: through the SFU when this machine has a mediasoup worker
 * (scripts/build-mediasoup-worker.sh provides it, once per mediasoup version; quick when it is
 * there), else peer-to-peer. VIDEO_MEDIA=p2p (or sfu) in the environment chooses instead.
 */
function videoEnv(testing) {
  const wanted = process.env.VIDEO_MEDIA;
  if (wanted === 'p2p') return {};
  run('bash', ['scripts/build-mediasoup-worker.sh']);
  let why;
  try {
    const worker = testing.findMediasoupWorker();
    if (worker.bin) {
      say(`video calls: SFU (mediasoup worker ${worker.bin})`);
      return { VIDEO_MEDIA: wanted ?? 'sfu', MEDIASOUP_WORKER_BIN: worker.bin };
    }
    why = worker.skipReason;
  } catch (error) {
    why = error.message;
  }
  say(`video calls: peer-to-peer (${why})`);
  return wanted === 'sfu' ? {} : { VIDEO_MEDIA: 'p2p' };
}

// What every app runs with, as in its image (libs/testing APP_PROCESS_ENV says why); read once built.
let appEnv = {};

async function main() {
  mkdirSync(logDir, { recursive: true });
  if (!existsSync(join(root, 'node_modules'))) {
    say('installing dependencies (npm ci)…');
    if (!run('npm', ['ci', '--no-audit', '--no-fund'])) throw new Error('npm ci failed');
  }
  if (!args.has('--no-build')) {
    say('building (nx run-many -t build)…');
    if (!run('npx', ['nx', 'run-many', '-t', 'build', '--parallel=2', '--outputStyle=static']))
      throw new Error('build failed');
  }
  const testing = createRequire(import.meta.url)(join(root, 'libs/testing/dist/index.js'));
  appEnv = testing.APP_PROCESS_ENV;
  infra = await startInfra();
  // Each app as its own NATS user (a given NATS_USER/NATS_PASSWORD stays as it is for all).
  const natsEnvOf = (app) =>
    infra.natsPasswords ? testing.natsEnv(infra, testing.natsUserOfApp(app)) : { NATS_URL: infra.natsUrl };
  const backendEnv = { MONGO_URL: infra.mongoUrl };
  const serviceEnv = { 'video-service': videoEnv(testing) };
  for (const service of SERVICES)
    startProcess(testing, service, process.execPath, [join('apps', service, 'dist', 'main.js')], {
      ...backendEnv,
      ...natsEnvOf(service),
      ...serviceEnv[service],
    });
  startProcess(testing, 'gateway', process.execPath, [join('apps', 'gateway', 'dist', 'main.js')], {
    ...backendEnv,
    ...natsEnvOf('gateway'),
  });
  await waitForHealth(60000);
  say(`gateway healthy at ${gatewayUrl}/api`);

  if (!args.has('--no-seed')) {
    const seeded = await seedDemo(gatewayUrl, { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD });
    say(`demo data ready: ${seeded.doctors.length} verified doctors, 1 pending, 1 patient`);
  }
  for (const [app, port] of SPAS) {
    // Vite itself, not through npx: npx does not pass its SIGTERM on, so stopping it (a `kill`, a
    // process manager) left the servers holding their ports and the next start failed on them.
    startProcess(
      testing,
      app,
      process.execPath,
      [VITE, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
      { GATEWAY_URL: gatewayUrl },
      join(root, 'apps', app),
    );
  }
  await new Promise((r) => setTimeout(r, 1500));
  console.log(`
  Arogyam is running.

    Patients   http://127.0.0.1:5173   ${DEMO_PATIENT.email} / ${DEMO_PASSWORD}
    Doctors    http://127.0.0.1:5174   meera.iyer@arogyam.dev / ${DEMO_PASSWORD}  (pending: neha.kapoor@arogyam.dev)
    Admins     http://127.0.0.1:5175   ${env.ADMIN_EMAIL} / ${env.ADMIN_PASSWORD}
    API        ${gatewayUrl}/api        docs: ${gatewayUrl}/api/docs   health: ${gatewayUrl}/api/health

  Logs: ${logDir}    Data: ${dataDir}    Outgoing email/SMS (dev): ${env.NOTIFICATION_OUTBOX_DIR}    Stop: Ctrl-C
`);
}

main().catch((error) => fail(error.message));
