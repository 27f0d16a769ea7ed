import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DomainError } from '@arogyam/contracts';
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

  /** Starts a new family (a login) or continues one (a rotation). */
  async issue(userId: string, familyId?: string): Promise<string> {
    const { id, secret, token } = RefreshTokenCodec.create();
    await this.tokens.create({
      _id: id,
      userId,
      familyId: familyId ?? id,
      secretHash: RefreshTokenCodec.hash(secret),
      expiresAt: new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * DAY_MS),
    });
    return token;
  }

  /**
   * Uses a token once and returns its owner and family. The claim is one atomic update, so two
   * concurrent uses of the same token cannot both succeed: the loser is treated as reuse.
   */
  async consume(token: string): Promise<{ userId: string; familyId: string }> {
    const record = await this.find(token);
    if (record.revokedAt || record.expiresAt.getTime() <= Date.now()) throw DomainError.unauthorized(INVALID);
    const claimed = await this.tokens
      .findOneAndUpdate({ _id: record._id, usedAt: null, revokedAt: null }, { $set: { usedAt: new Date() } }, { new: true })
      .lean<RefreshToken>()
      .exec();
    if (!claimed) {
      await this.revokeFamily(record.familyId);
      this.logger.warn(`Refresh token reuse for user ${record.userId}: family ${record.familyId} revoked`);
      throw DomainError.unauthorized('This refresh token was already used; for your safety all sessions from it were signed out.');
    }
    return { userId: record.userId, familyId: record.familyId };
  }

  /** Logout: the whole family ends, whichever of its tokens is presented. */
  async revoke(token: string): Promise<void> {
    const parts = RefreshTokenCodec.parse(token);
    if (!parts) return;
    const record = await this.tokens.findById(parts.id).lean<RefreshToken>().exec();
    if (record && RefreshTokenCodec.matches(parts.secret, record.secretHash)) await this.revokeFamily(record.familyId);
  }

  async revokeAllOf(userId: string): Promise<void> {
    await this.tokens.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: new Date() } }).exec();
  }

  private async find(token: string): Promise<RefreshToken> {
    const parts = RefreshTokenCodec.parse(token);
    if (!parts) throw DomainError.unauthorized(INVALID);
    const record = await this.tokens.findById(parts.id).lean<RefreshToken>().exec();
    if (!record || !RefreshTokenCodec.matches(parts.secret, record.secretHash)) throw DomainError.unauthorized(INVALID);
    return record;
  }

  private async revokeFamily(familyId: string): Promise<void> {
    await this.tokens.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: new Date() } }).exec();
  }

  private async sweepExpired(): Promise<void> {
    await this.tokens.deleteMany({ expiresAt: { $lt: new Date(Date.now() - DAY_MS) } }).exec().catch(() => undefined);
  }
}
