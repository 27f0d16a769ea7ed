import { Injectable, Module, type DynamicModule } from '@nestjs/common';
import { InjectConnection, MongooseModule } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

export interface MongoOptions {
  url: string;
  dbName: string;
  /** See MONGO_MAX_POOL_SIZE in DataServiceConfig. */
  maxPoolSize: number;
}

/**
 * One connection per service to its own database. `retryWrites=false`: the code must also run
 * on FerretDB, which has no sessions; our writes are idempotent where a retry matters.
 */
@Module({})
export class MongoModule {
  static forService(options: MongoOptions): DynamicModule {
    return {
      module: MongoModule,
      imports: [
        MongooseModule.forRoot(options.url, {
          dbName: options.dbName,
          retryWrites: false,
          serverSelectionTimeoutMS: 5000,
          maxPoolSize: options.maxPoolSize,
          autoIndex: true,
        }),
      ],
      providers: [MongoHealthIndicator],
      exports: [MongooseModule, MongoHealthIndicator],
    };
  }
}

@Injectable()
export class MongoHealthIndicator {
  readonly name = 'mongo';
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async isHealthy(): Promise<boolean> {
    if (this.connection.readyState !== 1 || !this.connection.db) return false;
    await this.connection.db.command({ ping: 1 });
    return true;
  }
}
