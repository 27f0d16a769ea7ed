import type { INestMicroservice } from '@nestjs/common';
import { createServiceApp, loadConfig, type ServiceBootstrapOptions } from '@arogyam/service-kit';
import { natsEnv, type ServiceUnderTest } from '@arogyam/testing';
import { AppModule } from '../../src/app.module';
import type { Clock } from '../../src/clock/clock';
import { NotificationServiceConfig } from '../../src/config/notification-service.config';
import { notificationService } from '../../src/notification-service';

/** notification-service exactly as main.ts boots it, but on the test's clock. */
export const onClock = (clock: Clock): ServiceBootstrapOptions<NotificationServiceConfig> => ({
  ...notificationService,
  module: (config) => AppModule.register(config, { clock }),
});

/** One more instance of the service under test: same database, same NATS (so the same queue group and durable consumer). */
export async function startAnotherInstance(
  first: ServiceUnderTest,
  clock: Clock,
  env: Record<string, string>,
): Promise<INestMicroservice> {
  const config = loadConfig(NotificationServiceConfig, {
    MONGO_URL: first.infra.mongoUrl,
    MONGO_DB: first.dbName,
    ...natsEnv(first.infra, 'notification'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    ...env,
  });
  const app = await createServiceApp(onClock(clock), config);
  await app.listen();
  return app;
}
