import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey } from '@arogyam/contracts';
import { PasswordReset, PasswordResetSchema } from './password-reset.schema';

// Opening a link (`findByTokenHash`): the token's hash finds its account's reset.
PasswordResetSchema.index({ tokenHash: 1 }, { unique: true });

/**
 * `passwordResets`: at most one document per account (its `_id`), so the collection never holds
 * more than the accounts do and needs no expiry sweep; an expired or used one stays, refused,
 * until the account's next request replaces it.
 */
export const passwordResetModel: ModelDefinition = { name: PasswordReset.name, schema: PasswordResetSchema };

/** Every read and write of `passwordResets`. */
@Injectable()
export class PasswordResetRepository {
  constructor(@InjectModel(PasswordReset.name) private readonly resets: Model<PasswordReset>) {}

  /** Opens a new link for the account, ending any earlier one (used or not). */
  async replace(userId: string, tokenHash: string, requestedAt: Date, expiresAt: Date): Promise<void> {
    const update = { $set: { tokenHash, requestedAt, expiresAt, usedAt: null } };
    try {
      await this.resets.updateOne({ _id: userId }, update, { upsert: true }).exec();
    } catch (error) {
      // Two first requests at once: the loser's upsert met the winner's insert; it replaces that.
      if (!isDuplicateKey(error)) throw error;
      await this.resets.updateOne({ _id: userId }, update).exec();
    }
  }

  findByTokenHash(tokenHash: string): Promise<PasswordReset | null> {
    return this.resets.findOne({ tokenHash }).lean<PasswordReset>().exec();
  }

  /**
   * Marks the link used; true only for the one use that did (updates are atomic per document on
   * MongoDB and on our FerretDB, docs/decisions.md "Invariants"), so of two uses at once one wins.
   */
  async claim(userId: string, tokenHash: string, at: Date): Promise<boolean> {
    const result = await this.resets
      .updateOne({ _id: userId, tokenHash, usedAt: null, expiresAt: { $gt: at } }, { $set: { usedAt: at } })
      .exec();
    return result.modifiedCount === 1;
  }
}
