import { Transform } from 'class-transformer';
import { IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';
import {
  IntSetting,
  ServiceConfig,
  productionSecretProblem,
  type ProductionChecked,
} from '@arogyam/service-kit';

export class GatewayConfig extends ServiceConfig implements ProductionChecked {
  @IntSetting(1, 65535)
  PORT: number = 3000;

  /** Verifies access tokens; user-service signs them with the same secret. */
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET: string;

  /** Comma-separated browser origins allowed to call the API cross-origin. */
  @IsString()
  CORS_ORIGINS =
    'http://127.0.0.1:5173,http://127.0.0.1:5174,http://127.0.0.1:5175,http://localhost:5173,http://localhost:5174,http://localhost:5175';

  @Matches(/^\d+(b|kb|mb)$/i, { message: 'must look like 100kb' })
  BODY_LIMIT = '100kb';

  /** Largest Socket.IO packet; a bigger one closes that socket before it is parsed. */
  @IntSetting(1024, 10_000_000)
  SOCKET_MESSAGE_LIMIT_BYTES: number = 100_000;

  /** Logins per client IP and email within the window. */
  @IntSetting(1)
  LOGIN_THROTTLE_LIMIT: number = 10;

  /** Auth requests (login, register, refresh, password reset and change) per client IP within the window. */
  @IntSetting(1)
  AUTH_THROTTLE_IP_LIMIT: number = 100;

  @IntSetting(1)
  AUTH_THROTTLE_WINDOW_SECONDS: number = 60;

  /** Password reset links one email address may be sent within its window, from any client. */
  @IntSetting(1)
  PASSWORD_RESET_EMAIL_LIMIT: number = 5;

  /** At most an hour: the shared counts keep an entry two hours (http/throttling/shared-counts.ts). */
  @IntSetting(1, 3600)
  PASSWORD_RESET_EMAIL_WINDOW_SECONDS: number = 3600;

  /** How long /api/health waits for each service; it always answers within about this. */
  @IntSetting(100, 10000)
  HEALTH_TIMEOUT_MS: number = 1500;

  /**
   * How many proxies stand in front of the gateway (1 behind nginx or one ingress): the client's
   * address is the one the outermost of them saw, the last that many entries of X-Forwarded-For
   * back. 0 ignores the header. Not `true`: trusting every hop lets a client write its own address.
   */
  // From the raw variable: implicit conversion has already turned `false` into NaN.
  @Transform(({ obj }: { obj: Record<string, unknown> }) => {
    const raw = obj.TRUST_PROXY;
    if (raw === undefined || raw === 'false' || raw === false) return 0;
    return /^\d+$/.test(String(raw)) ? Number(raw) : raw;
  })
  @IsInt({
    message: 'TRUST_PROXY must be the number of proxies in front of the gateway (0, or 1 behind nginx)',
  })
  @Min(0)
  @Max(5)
  TRUST_PROXY: number = 0;

  /** Bookings one patient may make per hour, on every gateway together. */
  @IntSetting(1)
  BOOKING_BUDGET_PER_HOUR: number = 30;

  /** Health-record uploads one patient may make per hour, on every gateway together. */
  @IntSetting(1)
  UPLOAD_BUDGET_PER_HOUR: number = 60;

  /** Chat messages one person may send per minute over HTTP, on every gateway together. */
  @IntSetting(1)
  MESSAGE_BUDGET_PER_MINUTE: number = 60;

  /**
   * How long a user's account status may be reused from this gateway's cache; 0 asks user-service
   * on every request. A suspension drops the entry at once (identity/account-status.checker.ts).
   */
  @IntSetting(0, 3600)
  ACCOUNT_STATUS_CACHE_TTL_SECONDS: number = 60;

  /** An entry is ~150 bytes: 100,000 signed-in users are ~15 MB. */
  @IntSetting(1, 1000000)
  ACCOUNT_STATUS_CACHE_ENTRIES: number = 100000;

  /** How long a cached doctor-search answer may be used; 0 turns the cache off (doctor-search-cache.ts). */
  @IntSetting(0, 3600)
  DOCTOR_SEARCH_CACHE_TTL_SECONDS: number = 30;

  @IntSetting(1, 100000)
  DOCTOR_SEARCH_CACHE_ENTRIES: number = 2000;

  /** After a listing change, how long no answer is cached while every doctor-service instance catches up. */
  @IntSetting(0, 10000)
  DOCTOR_SEARCH_CACHE_SETTLE_MS: number = 1000;

  /** Longest use of a cached slot listing; 0 turns the cache off (appointments/slot-listing-cache.ts). */
  @IntSetting(0, 3600)
  SLOT_LISTING_CACHE_TTL_SECONDS: number = 30;

  /** A 30-day listing of a doctor working around the clock is ~200 KB in memory. */
  @IntSetting(1, 100000)
  SLOT_LISTING_CACHE_ENTRIES: number = 1000;

  /** After a doctor's slots change, how long none of their listings is cached while every appointment-service instance catches up. */
  @IntSetting(0, 10000)
  SLOT_LISTING_CACHE_SETTLE_MS: number = 1000;

  productionProblems(): string[] {
    const problem = productionSecretProblem('JWT_SECRET', this.JWT_SECRET);
    return problem ? [problem] : [];
  }

  get corsOrigins(): string[] {
    return this.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }
}
