import type { INestMicroservice } from '@nestjs/common';
import { createConnection, type Connection } from 'mongoose';
import type { NatsConnection } from 'nats';
import { EventPublisher, RpcClient } from '@arogyam/messaging';
import {
  createServiceApp,
  listenWatched,
  loadConfig,
  type ServiceBootstrapOptions,
  type ServiceConfig,
} from '@arogyam/service-kit';
import { uniqueDbName, useInfra } from './infra';
import type { Infra } from './local-infra';
import { connectAs, natsEnv, natsUserOfApp } from './nats-principals';

export interface ServiceUnderTest {
  app: INestMicroservice;
  infra: Infra;
  dbName: string;
  /** The test's own connection (the admin user): stands in for other services, publishes events. */
  nats: NatsConnection;
  rpc: RpcClient;
  events: EventPublisher;
  /** The service's database, for what no RPC shows (indexes, internal fields). */
  db: Connection;
  /** Closes the app and the connection, drops the database and stops the file's infra. */
  stop(): Promise<void>;
}

/**
 * Boots a service in-process the way main.ts does (same module factory, config loading, pipes
 * and filters, NATS queue group), on real infra and a database of its own, and gives the test a
 * client to talk to it over NATS.
 */
export async function startServiceUnderTest<C extends ServiceConfig>(
  service: ServiceBootstrapOptions<C>,
  env: Record<string, string> = {},
): Promise<ServiceUnderTest> {
  const infra = await useInfra();
  const dbName = uniqueDbName(service.service);
  const config = loadConfig(service.config, {
    ...process.env,
    MONGO_URL: infra.mongoUrl,
    MONGO_DB: dbName,
    // The service's own NATS user, as in production: what it is not allowed to do fails here too.
    ...natsEnv(infra, natsUserOfApp(service.service)),
    // Quiet unless asked: TEST_LOG_LEVEL=info shows the service's own log lines.
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    ...env,
  });
  let app: INestMicroservice | undefined;
  try {
    app = await createServiceApp(service, config);
    await listenWatched(app);
    const nats = await connectAs(infra, undefined, `${service.service}-test`);
    const db = await createConnection(infra.mongoUrl, { dbName }).asPromise();
    const started = app;
    return {
      app: started,
      infra,
      dbName,
      nats,
      rpc: new RpcClient(nats),
      events: new EventPublisher(nats),
      db,
      async stop() {
        await started.close();
        await nats.close();
        await db.dropDatabase();
        await db.close();
        await infra.stop();
      },
    };
  } catch (error) {
    await app?.close();
    await infra.stop();
    throw error;
  }
}
