import type { INestMicroservice } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { RpcClient } from '@arogyam/messaging';
import { createServiceApp, loadConfig } from '@arogyam/service-kit';
import { connectAs, natsEnv, startLocalNats, type ServiceUnderTest } from '@arogyam/testing';
import { appointmentService } from '../src/appointment-service';
import { AppointmentServiceConfig } from '../src/config/appointment-service.config';

export interface SecondInstance {
  app: INestMicroservice;
  /** The test's connection to the second instance's NATS. */
  nats: NatsConnection;
  /** Requests answered by the second instance only. */
  rpc: RpcClient;
  stop(): Promise<void>;
}

/**
 * Another appointment-service instance on the database of `first` (startServiceUnderTest), as a
 * second replica would run. It listens on a NATS server of its own: on one NATS the two would
 * share the queue group and either could answer any request, while here the test decides which
 * instance answers each one. They share nothing but the database, which is the point: nothing an
 * instance keeps in memory may decide what it answers.
 */
export async function startSecondInstance(
  first: ServiceUnderTest,
  instanceId = 'second',
): Promise<SecondInstance> {
  const server = await startLocalNats();
  let app: INestMicroservice | undefined;
  try {
    const config = loadConfig(AppointmentServiceConfig, {
      MONGO_URL: first.infra.mongoUrl,
      MONGO_DB: first.dbName,
      ...natsEnv({ natsUrl: server.url, natsPasswords: server.passwords }, 'appointment'),
      INSTANCE_ID: instanceId,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error',
    });
    app = await createServiceApp(appointmentService, config);
    await app.listen();
    const nats = await connectAs(
      { natsUrl: server.url, natsPasswords: server.passwords },
      undefined,
      `appointment-service-test-${instanceId}`,
    );
    const started = app;
    return {
      app: started,
      nats,
      rpc: new RpcClient(nats),
      async stop() {
        await started.close();
        await nats.close();
        await server.stop();
      },
    };
  } catch (error) {
    await app?.close();
    await server.stop();
    throw error;
  }
}
