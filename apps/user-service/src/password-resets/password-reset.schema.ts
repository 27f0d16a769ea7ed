import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * The one password reset link an account may have open, keyed by the account: a new request
 * replaces it (and so ends the earlier link). Only the SHA-256 of the link's token is kept; the
 * token itself exists only in the email (and the event that carries it there).
 */
@Schema({ collection: 'passwordResets', versionKey: false, timestamps: false })
export class PasswordReset {
  /** The account's id. */
  @Prop({ type: String })
  _id: string;

  /** base64url SHA-256 of the token; unique (password-reset.repository.ts). */
  @Prop({ type: String, required: true })
  tokenHash: string;

  @Prop({ type: Date, required: true })
  requestedAt: Date;

  @Prop({ type: Date, required: true })
  expiresAt: Date;

  /** Set once, by the use that wins (PasswordResetRepository.claim); a used link is refused. */
  @Prop({ type: Date, default: null })
  usedAt: Date | null;
}

/** Fields only: its index is declared beside the query it serves (password-reset.repository.ts). */
export const PasswordResetSchema = SchemaFactory.createForClass(PasswordReset);
