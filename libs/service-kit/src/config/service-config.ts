import { hostname } from 'node:os';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, ValidateIf } from 'class-validator';
import type { NatsAccess } from '@arogyam/messaging';
import { IntSetting } from './int-setting';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** What every backend process needs; each app's config extends it with its own variables. */
export class ServiceConfig {
  @Matches(/^(nats|tls):\/\/\S+$/, { message: 'must look like nats://host:4222' })
  NATS_URL = 'nats://127.0.0.1:4222';

  /**
   * This process's principal on NATS (libs/messaging bus-principals.ts) and its password. Required
   * in production and whenever one of the two is set; without them the process connects
   * anonymously, which only a developer's own unauthenticated NATS accepts (docs/development.md).
   */
  @ValidateIf((config: ServiceConfig) => config.production || config.NATS_PASSWORD !== undefined)
  @IsString()
  @IsNotEmpty()
  NATS_USER?: string;

  @ValidateIf((config: ServiceConfig) => config.production || config.NATS_USER !== undefined)
  @IsString()
  @IsNotEmpty()
  NATS_PASSWORD?: string;

  /** The CA certificate of a `tls://` NATS (deploy/k8s mounts it from a Secret). */
  @IsOptional()
  @IsString()
  NATS_CA_FILE?: string;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  @IsString()
  INSTANCE_ID = `${hostname()}-${process.pid}`;

  /** `production` (the images set it) refuses what is only for development (production-problems.ts). */
  @IsOptional()
  @IsString()
  NODE_ENV?: string;

  get production(): boolean {
    return this.NODE_ENV === 'production';
  }

  /** How this process connects to NATS (the password is in it: never log it, log NATS_URL). */
  get natsAccess(): NatsAccess {
    return {
      url: this.NATS_URL,
      user: this.NATS_USER,
      password: this.NATS_PASSWORD,
      caFile: this.NATS_CA_FILE,
    };
  }

  /** How long an outgoing RPC may take before it is answered with 504. */
  @IsOptional()
  @IntSetting(100, 60000)
  RPC_TIMEOUT_MS: number = 5000;
}

/** A service that owns MongoDB collections. */
export class DataServiceConfig extends ServiceConfig {
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must look like mongodb://host:27017' })
  MONGO_URL = 'mongodb://127.0.0.1:27017';

  @IsOptional()
  @IsString()
  MONGO_DB?: string;

  /**
   * Most database operations one instance runs at once; the rest queue in the driver, first come
   * first served. FerretDB's SQLite backend lets one writer in at a time and makes the others
   * retry with growing sleeps, so 100 concurrent writers (the driver's default) turned a 2 ms
   * insert into seconds at the tail; a small pool keeps the queue fair. Scale out with instances.
   */
  @IntSetting(1, 500)
  MONGO_MAX_POOL_SIZE: number = 10;

  /**
   * How often each instance looks through its collections for events parked by an instance that
   * died between a write and its publish (it also does at start). A full read of each collection
   * on FerretDB, so not often; events this instance failed to publish are retried every 5 s.
   */
  @IntSetting(5, 86400)
  OUTBOX_SWEEP_SECONDS: number = 300;
}
