import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { PasswordHasher } from '@arogyam/auth';
import { MessagingModule } from '@arogyam/messaging';
import { MongoHealthIndicator, MongoModule } from '@arogyam/persistence';
import { HealthModule } from '@arogyam/service-kit';
import { Account, AccountSchema } from './accounts/account.schema';
import { AccountsHandler } from './accounts/accounts.handler';
import { AccountsService } from './accounts/accounts.service';
import { AdminSeeder } from './admin-seed/admin-seeder';
import { UserServiceConfig } from './config/user-service.config';
import { RefreshToken, RefreshTokenSchema } from './sessions/refresh-token.schema';
import { RefreshTokensService } from './sessions/refresh-tokens.service';
import { SessionsHandler } from './sessions/sessions.handler';
import { SessionsService } from './sessions/sessions.service';

@Module({})
export class AppModule {
  static register(config: UserServiceConfig): DynamicModule {
    const mongo = MongoModule.forService({ url: config.MONGO_URL, dbName: config.MONGO_DB });
    return {
      module: AppModule,
      imports: [
        mongo,
        MongooseModule.forFeature([
          { name: Account.name, schema: AccountSchema },
          { name: RefreshToken.name, schema: RefreshTokenSchema },
        ]),
        MessagingModule.forRoot({
          natsUrl: config.NATS_URL,
          connectionName: `user-service#${config.INSTANCE_ID}`,
        }),
        JwtModule.register({
          secret: config.JWT_SECRET,
          signOptions: { algorithm: 'HS256', expiresIn: config.JWT_ACCESS_TTL_SECONDS },
        }),
        HealthModule.forService({
          service: 'user',
          instance: config.INSTANCE_ID,
          indicators: [MongoHealthIndicator],
        }),
      ],
      controllers: [AccountsHandler, SessionsHandler],
      providers: [
        { provide: UserServiceConfig, useValue: config },
        PasswordHasher,
        AccountsService,
        RefreshTokensService,
        SessionsService,
        AdminSeeder,
      ],
    };
  }
}
