import { IsEmail, IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';
import {
  IntSetting,
  DEMO_EMAIL_DOMAIN,
  DataServiceConfig,
  productionSecretProblem,
  type ProductionChecked,
} from '@arogyam/service-kit';

export class UserServiceConfig extends DataServiceConfig implements ProductionChecked {
  override MONGO_DB = 'arogyam_users';

  /** Signs access tokens; the gateway verifies with the same secret. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  @IntSetting(60, 86400)
  JWT_ACCESS_TTL_SECONDS: number = 900;

  @IntSetting(1, 365)
  REFRESH_TOKEN_TTL_DAYS: number = 30;

  /** The absolute length of a session: refreshing never carries it past this many days after the login. */
  @IntSetting(1, 365)
  SESSION_MAX_DAYS: number = 90;

  /** How long an emailed password reset link works (seconds; 30 minutes unless set). */
  @IsInt()
  @Min(1, { message: 'PASSWORD_RESET_TTL_SECONDS must be at least 1' })
  @Max(86400, { message: 'PASSWORD_RESET_TTL_SECONDS must be at most 86400 (a day)' })
  PASSWORD_RESET_TTL_SECONDS: number = 1800;

  /** The first admin, created once if no account has this email. */
  @IsOptional()
  @IsEmail()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  /** The demo admin (its email or its printed password) and a guessable JWT secret never run in production. */
  productionProblems(): string[] {
    const demoAdmin = this.ADMIN_EMAIL?.toLowerCase().endsWith(DEMO_EMAIL_DOMAIN)
      ? `ADMIN_EMAIL is a demo account (${DEMO_EMAIL_DOMAIN}); seed the first admin with an address of your own`
      : undefined;
    return [
      productionSecretProblem('JWT_SECRET', this.JWT_SECRET),
      productionSecretProblem('ADMIN_PASSWORD', this.ADMIN_PASSWORD, 12),
      demoAdmin,
    ].filter((problem): problem is string => problem !== undefined);
  }
}
