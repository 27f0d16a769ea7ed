import { NestFactory } from '@nestjs/core';
import { Transport, type MicroserviceOptions } from '@nestjs/microservices';
import { Logger, type DynamicModule, type INestMicroservice } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { RpcErrorFilter, createRpcValidationPipe, natsConnectionOptions } from '@arogyam/messaging';
import { ConfigError, loadConfig } from '../config/load-config';
import type { ServiceConfig } from '../config/service-config';
import { JsonLogger } from '../logging/json-logger';
import { StartUpWatch } from './start-up-watch';
import { RequestContextInterceptor } from '../logging/request-context.interceptor';

export interface ServiceBootstrapOptions<C extends ServiceConfig> {
  /** Short name: `user` answers `user.*` in the queue group `user-service`. */
  service: string;
  config: new () => C;
  module: (config: C) => DynamicModule;
}

/** Fails fast with every config problem named, before anything connects. */
export function loadConfigOrExit<C extends object>(service: string, schema: new () => C): C {
  try {
    return loadConfig(schema);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${service}: cannot start.\n${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

/**
 * Creates the NestJS microservice on the NATS transport, in a queue group named after the
 * service so any number of instances share the load. Used by main.ts and by tests alike.
 */
export async function createServiceApp<C extends ServiceConfig>(
  options: ServiceBootstrapOptions<C>,
  config: C,
): Promise<INestMicroservice> {
  const logger = new JsonLogger(`${options.service}-service`, config.INSTANCE_ID, config.LOG_LEVEL);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(options.module(config), {
    transport: Transport.NATS,
    options: {
      ...natsConnectionOptions(config.natsAccess),
      queue: `${options.service}-service`,
      name: `${options.service}-service#${config.INSTANCE_ID}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    },
    logger,
  });
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalPipes(createRpcValidationPipe());
  app.useGlobalInterceptors(new RequestContextInterceptor());
  return app;
}

/**
 * Starts the app's hooks and its NATS transport, naming every few seconds what a slow start still
 * waits on. Then a round trip to the server, so the subscriptions are live there before anyone is
 * told "ready": a request right after could otherwise meet "no responders" (seen as a 503 in a
 * restart test).
 */
export async function listenWatched(app: INestMicroservice): Promise<void> {
  await StartUpWatch.during(app, async (watch) => {
    // listen() runs the hooks (each named on its own), then connects and subscribes.
    await watch.step('listen', () => app.listen());
    await watch.step('NATS flush', () => app.unwrap<NatsConnection>().flush());
  });
}

/** The process entry point: config from the environment, drain NATS on SIGTERM, then exit. */
export async function bootstrapService<C extends ServiceConfig>(
  options: ServiceBootstrapOptions<C>,
): Promise<void> {
  const config = loadConfigOrExit(options.service, options.config);
  const app = await createServiceApp(options, config);
  const logger = new Logger('Bootstrap');

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: draining NATS and stopping`);
    // Drain first: stop taking new requests, let in-flight ones reply, then close.
    await app
      .unwrap<NatsConnection>()
      .drain()
      .catch(() => undefined);
    await app.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await listenWatched(app);
  logger.log(`${options.service}-service ready (instance ${config.INSTANCE_ID})`);
}
