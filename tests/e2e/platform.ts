import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  natsEnv,
  natsUserOfApp,
  startApp,
  uniqueDbName,
  useInfra,
  videoMediaEnv,
  waitFor,
  type AppProcess,
  type Infra,
} from '@arogyam/testing';
import { NATS_REFUSAL_LOG } from '@arogyam/messaging';
import { httpClient } from './http';
import type { Person } from './people';

export const JWT_SECRET = 'e2e-secret-e2e-secret-e2e-secret-0123456789';
export const ADMIN = { email: 'admin@e2e.test', password: 'admin-password-1' };
/** payment-service's sandbox provider signs its webhooks with this; tests sign theirs with it too. */
export const E2E_PAYMENT_SANDBOX_SECRET = 'e2e-payment-sandbox-secret-0123';

export interface Platform {
  infra: Infra;
  baseUrl: string;
  processes: Map<string, AppProcess>;
  /** Each service's database name (video-service has none). */
  databases: Record<string, string>;
  /** notification-service's dev outbox: emails are JSON files in `<outboxDir>/email` (emails.ts). */
  outboxDir: string;
  /** Starts (another instance of) a service; `env` adds to or overrides its usual settings. */
  startService(name: string, env?: Record<string, string>): Promise<AppProcess>;
  /** Another gateway instance over the same services and NATS; answers its base URL. */
  startGateway(env?: Record<string, string>): Promise<string>;
  stop(): Promise<void>;
}

const SERVICES = [
  'user-service',
  'doctor-service',
  'patient-service',
  'appointment-service',
  'prescription-service',
  'payment-service',
  'notification-service',
  'chat-service',
  'video-service',
  'audit-service',
  'analytics-service',
] as const;

export interface PlatformOptions {
  /** How video-service carries calls; `sfu` needs a mediasoup worker (findMediasoupWorker). */
  video?: 'sfu' | 'p2p';
  /** More of video-service's settings (a short VIDEO_RING_TIMEOUT_SECONDS, say). */
  videoEnv?: Record<string, string>;
}

/**
 * The backend as it runs in production: every service and the gateway as its own built process
 * on a private NATS, each service with its own fresh database.
 */
export async function startPlatform(
  gatewayEnv: Record<string, string> = {},
  options: PlatformOptions = {},
): Promise<Platform> {
  const infra = await useInfra();
  const common = { MONGO_URL: infra.mongoUrl, JWT_SECRET, LOG_LEVEL: 'warn' };
  const databases: Record<string, string> = {
    'user-service': uniqueDbName('users'),
    'doctor-service': uniqueDbName('doctors'),
    'patient-service': uniqueDbName('patients'),
    'appointment-service': uniqueDbName('appointments'),
    'prescription-service': uniqueDbName('prescriptions'),
    'payment-service': uniqueDbName('payments'),
    'notification-service': uniqueDbName('notifications'),
    'chat-service': uniqueDbName('chat'),
    'audit-service': uniqueDbName('audit'),
    'analytics-service': uniqueDbName('analytics'),
  };
  // Dev-mode email and SMS (no SMTP server, no SMS provider) go to a temp folder, not the repo's .data/.
  const outboxDir = mkdtempSync(join(tmpdir(), 'arogyam-e2e-outbox-'));
  const serviceEnv: Record<string, Record<string, string>> = {
    'user-service': { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    'notification-service': { NOTIFICATION_OUTBOX_DIR: outboxDir },
    'payment-service': { PAYMENT_SANDBOX_SECRET: E2E_PAYMENT_SANDBOX_SECRET },
    // No STUN on this machine (loopback host candidates); calls may start a day early, so a test
    // can use the next free slot. Peer-to-peer unless the test asks for the SFU, then with one
    // worker (a test that kills it knows which).
    'video-service': {
      MEDIASOUP_WORKERS: '1',
      VIDEO_ICE_SERVERS: '[]',
      VIDEO_JOIN_EARLY_MINUTES: '1440',
      ...videoMediaEnv(options.video ?? 'p2p'),
      ...options.videoEnv,
    },
  };
  const processes = new Map<string, AppProcess>();
  const startService = async (name: string, env: Record<string, string> = {}): Promise<AppProcess> => {
    const extra = { ...serviceEnv[name], ...env };
    // LOG_LEVEL info for the ready line only; services log little at info.
    // video-service owns no database.
    const database: Record<string, string> = databases[name] ? { MONGO_DB: databases[name] } : {};
    // Each as its own NATS user, with the generated permissions (libs/messaging bus-principals.ts).
    const nats = natsEnv(infra, natsUserOfApp(name));
    const app = await startApp(name, {
      env: { ...common, ...nats, LOG_LEVEL: 'info', ...database, ...extra },
    });
    processes.set(name, app);
    return app;
  };
  await Promise.all(SERVICES.map(startService));
  const startGateway = async (env: Record<string, string> = {}): Promise<string> => {
    const port = await freePort();
    const gateway = await startApp('gateway', {
      env: {
        ...common,
        ...natsEnv(infra, 'gateway'),
        LOG_LEVEL: 'info',
        PORT: String(port),
        CORS_ORIGINS: 'http://allowed.test',
        ...gatewayEnv,
        ...env,
      },
    });
    // The first is `gateway`; more (realtime fan-out tests) are `gateway-2`, `gateway-3`, ...
    const count = [...processes.keys()].filter((name) => name.startsWith('gateway')).length;
    processes.set(count === 0 ? 'gateway' : `gateway-${count + 1}`, gateway);
    return `http://127.0.0.1:${port}`;
  };
  const baseUrl = await startGateway();
  // The first admin is seeded asynchronously at user-service start.
  await waitFor(
    async () => (await fetch(`${baseUrl}/api/health`)).status === 200,
    15000,
    'all services healthy',
  );
  return {
    infra,
    baseUrl,
    processes,
    databases,
    outboxDir,
    startService,
    startGateway,
    async stop() {
      await Promise.all([...processes.values()].map((p) => p.stop()));
      await infra.stop();
      rmSync(outboxDir, { recursive: true, force: true });
      // Every run is also a check of the generated NATS permissions: whatever an app did that its
      // principal may not (bus-principals.ts) fails the suite, with the app's own line.
      const refusals = [...processes.values()].flatMap((app) =>
        app
          .output()
          .split('\n')
          .filter((line) => line.includes(NATS_REFUSAL_LOG) || line.includes('PERMISSIONS_VIOLATION'))
          .map((line) => `${app.name}: ${line}`),
      );
      if (refusals.length > 0) throw new Error(`NATS refused what an app did:\n${refusals.join('\n')}`);
    },
  };
}

/** An admin signed in: by default the one the platform seeded (ADMIN). */
export async function signInAdmin(
  call: ReturnType<typeof httpClient>,
  admin: { email: string; password: string } = ADMIN,
): Promise<Person> {
  const login = await call<{ user: { id: string }; accessToken: string }>('POST', '/api/admin/login', {
    body: admin,
  });
  if (login.status !== 200) throw new Error(`the admin's login answered ${login.status}`);
  return { id: login.body.user.id, token: login.body.accessToken };
}

/** What a spec that works through the API as the seeded admin starts from. */
export interface AdminStart {
  platform: Platform;
  call: ReturnType<typeof httpClient>;
  adminToken: string;
}

/** startPlatform, an HTTP client for its gateway, and the seeded admin's token. */
export async function startPlatformAsAdmin(
  gatewayEnv: Record<string, string> = {},
  options: PlatformOptions = {},
): Promise<AdminStart> {
  const platform = await startPlatform(gatewayEnv, options);
  const call = httpClient(platform.baseUrl);
  try {
    return { platform, call, adminToken: (await signInAdmin(call)).token };
  } catch (error) {
    // The spec never received the platform, so its afterAll cannot stop it.
    await platform.stop();
    throw error;
  }
}
