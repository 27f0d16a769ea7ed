import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One refresh token. Tokens rotate: each use issues the token's successor in the same family, and
 * that successor's existence is what marks the token used (see RefreshTokensService.rotate).
 * Presenting a used token again means it leaked, so the whole family is revoked. Only a hash of
 * the secret part is stored. After its insert a record changes only to be revoked.
 */
@Schema({ collection: 'refreshTokens', versionKey: false, timestamps: { createdAt: true, updatedAt: false } })
export class RefreshToken {
  @Prop({ type: String })
  _id: string;

  @Prop({ required: true })
  userId: string;

  @Prop({ required: true })
  familyId: string;

  @Prop({ required: true })
  secretHash: string;

  @Prop({ required: true })
  expiresAt: Date;

  /**
   * The UTC day of `expiresAt` (`2026-12-05`): the equality key the expiry sweep deletes by, where
   * MongoDB would take a range on `expiresAt` (refresh-token.repository.ts).
   */
  @Prop({ type: String, required: true })
  expiresDay: string;

  /**
   * When the session (the family) ends whatever its use: the login's time plus SESSION_MAX_DAYS,
   * inherited by every successor. Missing on tokens from before it existed: set at their next use.
   */
  @Prop({ type: Date })
  sessionEndsAt?: Date;

  /** The token this one succeeded; null for the first of a family (a login). */
  @Prop({ type: String, default: null })
  parentId: string | null;

  @Prop({ type: Date, default: null })
  revokedAt: Date | null;
}

/** Fields only: its indexes are declared beside the queries they serve (refresh-token.repository.ts). */
export const RefreshTokenSchema = SchemaFactory.createForClass(RefreshToken);
