import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { utcDay, utcDaysBetween } from '@arogyam/persistence';
import { RefreshToken, RefreshTokenSchema } from './refresh-token.schema';

// A family's tokens (`familyRevoked`, `revokeFamily`): reuse detection and logout. A family holds
// one token per rotation, so `revokedAt` is checked over that handful.
RefreshTokenSchema.index({ familyId: 1 });
// A user's tokens (`revokeAllOfUser`): a suspension ends every session.
RefreshTokenSchema.index({ userId: 1 });
// The expiry sweep (`deleteExpired`), by the UTC days the tokens expire on.
RefreshTokenSchema.index({ expiresDay: 1 });

/** `refreshTokens`; a single token is read by `_id`. */
export const refreshTokenModel: ModelDefinition = { name: RefreshToken.name, schema: RefreshTokenSchema };

/** A token as issued: `expiresDay` follows from `expiresAt`, and it starts unrevoked. */
export type NewRefreshToken = Omit<RefreshToken, 'expiresDay' | 'revokedAt'>;

/** Every read and write of `refreshTokens`. */
@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectModel(RefreshToken.name) private readonly tokens: Model<RefreshToken>) {}

  /**
   * Stores a new token; rejects with E11000 when a token with its id exists, which is how the
   * second use of a token loses to the first (RefreshTokensService.rotate).
   */
  async insert(token: NewRefreshToken): Promise<void> {
    await this.tokens.create({ ...token, expiresDay: utcDay(token.expiresAt) });
  }

  findById(tokenId: string): Promise<RefreshToken | null> {
    return this.tokens.findById(tokenId).lean<RefreshToken>().exec();
  }

  /** Whether any token of the family was revoked: a family ends as a whole. */
  async familyRevoked(familyId: string): Promise<boolean> {
    return (await this.tokens.exists({ familyId, revokedAt: { $ne: null } }).exec()) !== null;
  }

  revokeFamily(familyId: string, at: Date): Promise<unknown> {
    return this.tokens.updateMany({ familyId, revokedAt: null }, { $set: { revokedAt: at } }).exec();
  }

  revokeAllOfUser(userId: string, at: Date): Promise<unknown> {
    return this.tokens.updateMany({ userId, revokedAt: null }, { $set: { revokedAt: at } }).exec();
  }

  /**
   * Deletes the tokens that expired before `cutoff`, on the UTC days from `reachingBackTo`'s up to
   * `cutoff` (its own day only if it starts before `cutoff`): the days are the key an index serves,
   * the instant decides exactly. Tokens that expired before `reachingBackTo`'s day are out of reach.
   * A cutoff at midnight reads only tokens it deletes. Answers how many went.
   */
  async deleteExpired(cutoff: Date, reachingBackTo: Date): Promise<number> {
    const days = utcDaysBetween(reachingBackTo, cutoff);
    if (days.length === 0) return 0;
    const result = await this.tokens
      .deleteMany({ expiresDay: { $in: days }, expiresAt: { $lt: cutoff } })
      .exec();
    return result.deletedCount;
  }
}
