import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';
import {
  NOTIFICATION_CHANNELS,
  NOTIFICATION_KINDS,
  type NotificationChannel,
  type NotificationKind,
} from '@arogyam/contracts';
import { baseSchemaOptions } from '@arogyam/persistence';

/** `sending` is an email or SMS claimed and not (yet) confirmed sent; in-app ones are `stored`. */
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

  @Prop()
  sentAt?: Date;

  /** In-app only: when its user marked it read. */
  @Prop()
  readAt?: Date;

  @Prop({ required: true, immutable: true })
  createdAt: Date;
}

export const NotificationSchema = SchemaFactory.createForClass(Notification);
// The inbox (all, unread), newest first; the retention sweep.
NotificationSchema.index({ userId: 1, channel: 1, createdAt: -1 });
NotificationSchema.index({ userId: 1, channel: 1, readAt: 1 });
NotificationSchema.index({ createdAt: 1 });
