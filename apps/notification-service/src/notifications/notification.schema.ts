import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from '@arogyam/contracts';
import { baseSchemaOptions } from '@arogyam/persistence';

/**
 * In-app ones are `stored`. An email or SMS is written `sent` as it is claimed, before the provider
 * is called: a transient failure deletes it again, a permanent one sets `failed`, a success writes
 * nothing more. `sending` (claimed, not yet confirmed, then set `sent` with `sentAt`) is what
 * records written before 2026-12-06 may still say.
 */
export const DELIVERY_STATUSES = ['stored', 'sending', 'sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One notification to one user on one channel. The `_id` is `<source>:<userId>:<channel>`, the
 * source being the event id (or a reminder's occurrence id): inserting it is the claim, so a
 * redelivered event, a second instance or a retry finds it taken and sends nothing again.
 * In-app ones are the user's inbox; email and SMS ones are the record of what was sent where.
 */
@Schema({ ...baseSchemaOptions, timestamps: false, collection: 'notifications' })
export class Notification {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, immutable: true })
  userId: string;

  @Prop({ type: String, required: true, enum: NOTIFICATION_CHANNELS, immutable: true })
  channel: NotificationChannel;

  @Prop({ type: String, required: true, enum: NOTIFICATION_KINDS, immutable: true })
  kind: NotificationKind;

  /** The event id or reminder occurrence this notification came from. */
  @Prop({ required: true, immutable: true })
  sourceId: string;

  @Prop({ required: true })
  title: string;

  @Prop({ required: true })
  body: string;

  @Prop({ type: MongooseSchema.Types.Mixed, default: {} })
  data: Record<string, string>;

  /** The email address or phone number it was sent to (email and SMS only). */
  @Prop()
  to?: string;

  @Prop({ type: String, required: true, enum: DELIVERY_STATUSES })
  status: DeliveryStatus;

  /** Why an email or SMS was given up on (a permanent refusal). */
  @Prop()
  error?: string;

  /** When the provider took it: records written before 2026-12-06 only (see DELIVERY_STATUSES). */
  @Prop()
  sentAt?: Date;

  /** In-app only: when its user marked it read. */
  @Prop()
  readAt?: Date;

  /**
   * In-app only: false until `readAt` is set, and set true in the same write. An equality the
   * inbox's unread queries name (FerretDB pushes `read: false` down; `readAt: {$exists}` it does not).
   */
  @Prop()
  read?: boolean;

  /**
   * In-app only: the UTC hour, by the service's clock, in which it was marked read (a chat read may
   * carry an earlier `readAt`): where the retention sweep finds one that was read when already old.
   */
  @Prop()
  markedReadHour?: string;

  @Prop({ required: true, immutable: true })
  createdAt: Date;

  /** The UTC hour of `createdAt`: the retention sweep's key. */
  @Prop({ required: true, immutable: true })
  createdHour: string;
}

/** Fields only: its indexes are declared beside the queries they serve (notification.repository.ts). */
export const NotificationSchema = SchemaFactory.createForClass(Notification);
