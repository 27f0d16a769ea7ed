import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DomainError, isDuplicateKey } from '@arogyam/contracts';
import { UserServiceConfig } from '../config/user-service.config';
import { RefreshToken } from './refresh-token.schema';
import { RefreshTokenCodec } from './refresh-token-codec';

const DAY_MS = 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
const INVALID = 'This refresh token is not valid; please sign in again.';

@Injectable()
export class RefreshTokensService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RefreshTokensService.name);
  private sweepTimer?: NodeJS.Timeout;

  constructor(
    @InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>,
    private readonly config: UserServiceConfig,
  ) {}

  onModuleInit(): void {
    this.sweepTimer = setInterval(() => void this.sweepExpired(), SWEEP_INTERVAL_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
  }

  /** Starts a new family: a login. */
  async issue(userId: string): Promise<string> {
    const { id, secret, token } = RefreshTokenCodec.create();
    await this.tokens.create(this.record(id, secret, { userId, familyId: id, parentId: null }));
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
      (await this.familyRevoked(record.familyId))
    ) {
      throw DomainError.unauthorized(INVALID);
    }
    const owner = await authorize(record.userId);
    const next = RefreshTokenCodec.create(RefreshTokenCodec.successorId(record._id));
    try {
      await this.tokens.create(
        this.record(next.id, next.secret, {
          userId: record.userId,
          familyId: record.familyId,
          parentId: record._id,
        }),
      );
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.revokeFamily(record.familyId);
      this.logger.warn(`Refresh token reuse for user ${record.userId}: family ${record.familyId} revoked`);
      throw DomainError.unauthorized(
        'This refresh token was already used; for your safety all sessions from it were signed out.',
      );
    }
    return { owner, token: next.token };
  }

  /** Logout: the whole family ends, whichever of its tokens is presented. */
  async revoke(token: string): Promise<void> {
    const parts = RefreshTokenCodec.parse(token);
    if (!parts) return;
    const record = await this.tokens.findById(parts.id).lean<RefreshToken>().exec();
    if (record && RefreshTokenCodec.matches(parts.secret, record.secretHash))
      await this.revokeFamily(record.familyId);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.tokens.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: new Date() } }).exec();
  }

  private async find(token: string): Promise<RefreshToken> {
    const parts = RefreshTokenCodec.parse(token);
    if (!parts) throw DomainError.unauthorized(INVALID);
    const record = await this.tokens.findById(parts.id).lean<RefreshToken>().exec();
    if (!record || !RefreshTokenCodec.matches(parts.secret, record.secretHash))
      throw DomainError.unauthorized(INVALID);
    return record;
  }

  private record(
    id: string,
    secret: string,
    family: Pick<RefreshToken, 'userId' | 'familyId' | 'parentId'>,
  ): Omit<RefreshToken, 'revokedAt'> {
    return {
      _id: id,
      ...family,
      secretHash: RefreshTokenCodec.hash(secret),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS),
    };
  }

  private async familyRevoked(familyId: string): Promise<boolean> {
    return (await this.tokens.exists({ familyId, revokedAt: { $ne: null } }).exec()) !== null;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: new Date() } }).exec();
  }

  private async sweepExpired(): Promise<void> {
    await this.tokens
      .deleteMany({ expiresAt: { $lt: new Date(Date.now() - DAY_MS) } })
      .exec()
      .catch(() => undefined);
  }
}
