import { freePort, startApp, uniqueDbName, useInfra, waitFor, type AppProcess, type Infra } from '@arogyam/testing';

export const JWT_SECRET = 'e2e-secret-e2e-secret-e2e-secret-0123456789';
export const ADMIN = { email: 'admin@e2e.test', password: 'admin-password-1' };

export interface Platform {
  infra: Infra;
  baseUrl: string;
  processes: Map<string, AppProcess>;
  startService(name: string): Promise<AppProcess>;
  stop(): Promise<void>;
}

const SERVICES = ['user-service', 'doctor-service', 'patient-service'] as const;

/**
 * The backend as it runs in production: every service and the gateway as its own built process
 * on a private NATS, each service with its own fresh database.
 */
export async function startPlatform(gatewayEnv: Record<string, string> = {}): Promise<Platform> {
  const infra = await useInfra();
  const common = { NATS_URL: infra.natsUrl, MONGO_URL: infra.mongoUrl, JWT_SECRET, LOG_LEVEL: 'warn' };
  const databases: Record<string, string> = {
    'user-service': uniqueDbName('users'),
    'doctor-service': uniqueDbName('doctors'),
    'patient-service': uniqueDbName('patients'),
  };
  const processes = new Map<string, AppProcess>();
  const startService = async (name: string): Promise<AppProcess> => {
    const extra = name === 'user-service' ? { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password } : {};
    // LOG_LEVEL info for the ready line only; services log little at info.
    const app = await startApp(name, { env: { ...common, LOG_LEVEL: 'info', MONGO_DB: databases[name], ...extra } });
    processes.set(name, app);
    return app;
  };
  await Promise.all(SERVICES.map(startService));
  const port = await freePort();
  processes.set(
    'gateway',
    await startApp('gateway', {
      env: { ...common, LOG_LEVEL: 'info', PORT: String(port), CORS_ORIGINS: 'http://allowed.test', ...gatewayEnv },
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  // The first admin is seeded asynchronously at user-service start.
  await waitFor(async () => (await fetch(`${baseUrl}/api/health`)).status === 200, 15000, 'all services healthy');
  return {
    infra,
    baseUrl,
    processes,
    startService,
    async stop() {
      await Promise.all([...processes.values()].map((p) => p.stop()));
      await infra.stop();
    },
  };
}
