import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { randomUUID } from 'node:crypto';
import {
  ACCOUNT_STATUSES,
  LANGUAGES,
  USER_ROLES,
  type AccountStatus,
  type Language,
  type UserRole,
} from '@arogyam/contracts';
import { baseSchemaOptions, OutboxEntrySchema, outboxPlugin, type OutboxEntry } from '@arogyam/persistence';

@Schema({ _id: false, versionKey: false })
export class PrivacyNoticeAcceptanceRecord {
  @Prop({ required: true })
  version: string;

  @Prop({ type: Date, required: true })
  acceptedAt: Date;
}
const PrivacyNoticeAcceptanceSchema = SchemaFactory.createForClass(PrivacyNoticeAcceptanceRecord);

/** Credentials, role and status of one person; profiles live in their own services, keyed by this id. */
@Schema({ ...baseSchemaOptions, collection: 'users' })
export class Account {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  /** Unique: one account per email (the index is declared in account.repository.ts). */
  @Prop({ required: true, lowercase: true, trim: true })
  email: string;

  @Prop({ required: true })
  passwordHash: string;

  /** The name on the person's profile, followed from its rename events (profile-names/). */
  @Prop({ required: true })
  fullName: string;

  /**
   * The admins' search keys: prefixes of each name word and of the email (account-search-keys.ts),
   * written with the name. Absent on accounts from before the search until the one-off upgrade.
   */
  @Prop({ type: [String], default: undefined })
  searchKeys?: string[];

  /** When the profile rename applied last happened: an older one arriving late changes nothing. */
  @Prop({ type: Date })
  nameChangedAt?: Date;

  // Explicit types: a union's design:type is String under tsc but Object under SWC (Jest).
  @Prop({ type: String, required: true, enum: USER_ROLES })
  role: UserRole;

  @Prop({ type: String, required: true, enum: ACCOUNT_STATUSES, default: 'active' })
  status: AccountStatus;

  /**
   * Goes up on every suspension, reactivation and password change: access tokens carry the version they were
   * issued at (`ver`), so every earlier token stops working at once. Missing on older accounts: 0.
   */
  @Prop({ type: Number, default: 0 })
  tokenVersion: number;

  /**
   * The language the person reads Arogyam in, set from the apps' language switch; what the services
   * write to them follows it (notification-service keeps a copy from `user.language-changed`).
   * Absent until they choose: English.
   */
  @Prop({ type: String, enum: LANGUAGES })
  language?: Language;

  /** The privacy notice version accepted at registration, and when (none on admins and older accounts). */
  @Prop({ type: PrivacyNoticeAcceptanceSchema })
  privacyNotice?: PrivacyNoticeAcceptanceRecord;

  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  createdAt: Date;
}

/** Fields only: its indexes are declared beside the queries they serve (account.repository.ts). */
export const AccountSchema = SchemaFactory.createForClass(Account);
AccountSchema.plugin(outboxPlugin);
