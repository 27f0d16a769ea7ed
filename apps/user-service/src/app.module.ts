import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, PasswordHasher, tokenSigningKey } from '@arogyam/auth';
import { DataServiceModule } from '@arogyam/persistence';
import { AccountPreferencesHandler } from './account-preferences/account-preferences.handler';
import { AccountPreferencesService } from './account-preferences/account-preferences.service';
import { Account } from './accounts/account.schema';
import { accountModel, AccountRepository } from './accounts/account.repository';
import { AccountsHandler } from './accounts/accounts.handler';
import { AccountsService } from './accounts/accounts.service';
import { PasswordPolicy } from './accounts/password-policy';
import { PatientsByPhoneLookup } from './accounts/patients-by-phone.lookup';
import { SearchKeysUpgrade } from './accounts/search-keys-upgrade';
import { AdminSeeder } from './admin-seed/admin-seeder';
import { PatientDataExportHandler } from './data-rights/patient-data-export.handler';
import { PatientErasureHandler } from './data-rights/patient-erasure.handler';
import { PatientErasureService } from './data-rights/patient-erasure.service';
import { DemoAccountsCheck } from './production/demo-accounts.check';
import { UserServiceConfig } from './config/user-service.config';
import { AccountNamesService } from './profile-names/account-names.service';
import { ProfileNamesConsumer } from './profile-names/profile-names.consumer';
import { passwordResetModel, PasswordResetRepository } from './password-resets/password-reset.repository';
import { PasswordResetsHandler } from './password-resets/password-resets.handler';
import { PasswordResetsService } from './password-resets/password-resets.service';
import { refreshTokenModel, RefreshTokenRepository } from './sessions/refresh-token.repository';
import { RefreshTokensService } from './sessions/refresh-tokens.service';
import { SessionsHandler } from './sessions/sessions.handler';
import { SessionsService } from './sessions/sessions.service';

@Module({})
export class AppModule {
  static register(config: UserServiceConfig): DynamicModule {
    const mongo = DataServiceModule.forService({
      service: 'user',
      config,
      // Its one audit entry: a patient erasing their account (data-rights/).
      audited: 'user',
      outboxes: [Account.name],
      models: [accountModel, refreshTokenModel, passwordResetModel],
    });
    return {
      module: AppModule,
      imports: [
        mongo,

        JwtModule.register({
          secret: tokenSigningKey(config.JWT_SECRET),
          signOptions: {
            algorithm: 'HS256',
            expiresIn: config.JWT_ACCESS_TTL_SECONDS,
            issuer: ACCESS_TOKEN_ISSUER,
            audience: ACCESS_TOKEN_AUDIENCE,
          },
        }),
      ],
      controllers: [
        AccountsHandler,
        AccountPreferencesHandler,
        SessionsHandler,
        PasswordResetsHandler,
        PatientDataExportHandler,
        PatientErasureHandler,
      ],
      providers: [
        PasswordHasher,
        PasswordPolicy,
        AccountRepository,
        RefreshTokenRepository,
        AccountsService,
        AccountPreferencesService,
        PatientsByPhoneLookup,
        SearchKeysUpgrade,
        RefreshTokensService,
        SessionsService,
        PasswordResetRepository,
        PasswordResetsService,
        DemoAccountsCheck,
        AdminSeeder,
        AccountNamesService,
        ProfileNamesConsumer.provider,
        PatientErasureService,
      ],
    };
  }
}
