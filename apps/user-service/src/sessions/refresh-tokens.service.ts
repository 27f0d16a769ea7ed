import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { DomainError, isDuplicateKey } from '@arogyam/contracts';
import { failureSummary } from '@arogyam/messaging';
import { UserServiceConfig } from '../config/user-service.config';
import type { RefreshToken } from './refresh-token.schema';
import { RefreshTokenRepository, type NewRefreshToken } from './refresh-token.repository';
import { RefreshTokenCodec } from './refresh-token-codec';

const DAY_MS = 24 * 60 * 60 * 1000;
const INVALID = 'This refresh token is not valid; please sign in again.';
const SESSION_OVER = 'This session has reached its maximum length; please sign in again.';

/**
 * The expiry sweep deletes, by the UTC days they expired on (an equality an index serves, where
 * MongoDB would take a range), the tokens that expired before the start of yesterday (UTC): whole
 * days, expired for one to two days, so it reads only tokens it deletes. Every hour it reaches
 * back `SWEEP_REACH_DAYS` days before that cutoff, which covers many missed runs; at start-up
 * `START_UP_REACH_DAYS`, for what expired while no instance ran. A token that expired before a
 * sweep's reach stays (harmless: it is refused as expired) until deleted by hand.
 */
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
export const SWEEP_REACH_DAYS = 3;
export const START_UP_REACH_DAYS = 90;

@Injectable()
export class RefreshTokensService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RefreshTokensService.name);
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    private readonly tokens: RefreshTokenRepository,
    private readonly config: UserServiceConfig,
  ) {}

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => void this.sweepExpired(SWEEP_REACH_DAYS), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
    void this.sweepExpired(START_UP_REACH_DAYS);
  }

  onModuleDestroy(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** Starts a new family: a login. */
  async issue(userId: string): Promise<string> {
    const { id, secret, token } = RefreshTokenCodec.create();
    const sessionEndsAt = new Date(Date.now() + this.config.SESSION_MAX_DAYS * DAY_MS);
    await this.tokens.insert(
      this.record(id, secret, { userId, familyId: id, parentId: null, sessionEndsAt }),
    );
    return token;
  }

  /**
   * Uses a token once: checks it, lets `authorize` vet its owner, and answers the owner with the
   * token's successor in the same family.
   *
   * The claim is the successor's insert under the one id it can have (RefreshTokenCodec.successorId):
   * of two uses of a token only one insert gets past the unique `_id`, and the loser is treated as
   * reuse. (A conditional `findOneAndUpdate` cannot carry this: FerretDB 1.24 applies it as a read
   * and a separate write, so two concurrent uses both won.) A family counts as revoked as soon as
   * any of its tokens is, so a successor written after a revocation is refused all the same.
   */
  async rotate<T>(
    token: string,
    authorize: (userId: string) => Promise<T>,
  ): Promise<{ owner: T; token: string }> {
    const record = await this.find(token);
    if (
      record.revokedAt ||
      record.expiresAt.getTime() <= Date.now() ||
      (await this.tokens.familyRevoked(record.familyId))
    ) {
      throw DomainError.unauthorized(INVALID);
    }
    const sessionEndsAt =
      record.sessionEndsAt ?? new Date(Date.now() + this.config.SESSION_MAX_DAYS * DAY_MS);
    if (sessionEndsAt.getTime() <= Date.now()) throw DomainError.unauthorized(SESSION_OVER);
    const owner = await authorize(record.userId);
    const next = RefreshTokenCodec.create(RefreshTokenCodec.successorId(record._id));
    try {
      await this.tokens.insert(
        this.record(next.id, next.secret, {
          userId: record.userId,
          familyId: record.familyId,
          parentId: record._id,
          sessionEndsAt,
        }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.tokens.revokeFamily(record.familyId, new Date());
      this.logger.warn(`Refresh token reuse for user ${record.userId}: family ${record.familyId} revoked`);
      throw DomainError.unauthorized(
        'This refresh token was already used; for your safety all sessions from it were signed out.',
      );
    }
    return { owner, token: next.token };
  }

  /**
   * Logout: the whole family ends, whichever of its tokens is presented, when it is `userId`'s.
   * Another user's token is left alone: logging out must not be a way to end someone's session.
   */
  async revoke(userId: string, token: string): Promise<void> {
    const parts = RefreshTokenCodec.parse(token);
    if (!parts) return;
    const record = await this.tokens.findById(parts.id);
    if (record && record.userId === userId && RefreshTokenCodec.matches(parts.secret, record.secretHash))
      await this.tokens.revokeFamily(record.familyId, new Date());
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.tokens.revokeAllOfUser(userId, new Date());
  }

  /**
   * Deletes the tokens that expired before the start of yesterday (UTC) on the `reachDays` days
   * before it; answers how many went. Never rejects: the next run tries again.
   */
  async sweepExpired(reachDays: number): Promise<number> {
    const cutoff = new Date((Math.floor(Date.now() / DAY_MS) - 1) * DAY_MS);
    return this.tokens
      .deleteExpired(cutoff, new Date(cutoff.getTime() - reachDays * DAY_MS))
      .catch((error: Error) => {
        this.logger.warn(`Refresh token sweep failed, will retry: ${failureSummary(error)}`);
        return 0;
      });
  }

  private async find(token: string): Promise<RefreshToken> {
    const parts = RefreshTokenCodec.parse(token);
    if (!parts) throw DomainError.unauthorized(INVALID);
    const record = await this.tokens.findById(parts.id);
    if (!record || !RefreshTokenCodec.matches(parts.secret, record.secretHash))
      throw DomainError.unauthorized(INVALID);
    return record;
  }

  private record(
    id: string,
    secret: string,
    family: Pick<RefreshToken, 'userId' | 'familyId' | 'parentId'> & { sessionEndsAt: Date },
  ): NewRefreshToken {
    const sliding = Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS;
    return {
      _id: id,
      ...family,
      secretHash: RefreshTokenCodec.hash(secret),
      // Never past the session's end, so the expiry sweep also takes a session that ran out.
      expiresAt: new Date(Math.min(sliding, family.sessionEndsAt.getTime())),
    };
  }
}
