import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SchemaTypes, type Types } from 'mongoose';
import { MAX_CHAT_MESSAGE_LENGTH } from '@arogyam/contracts';
import {
  baseSchemaOptions,
  maxTextLength,
  OutboxEntrySchema,
  outboxPlugin,
  type OutboxEntry,
} from '@arogyam/persistence';

/**
 * A message, written once and never changed (the outbox relay's clean-up is the only update).
 * `_id` is an ObjectId, so ids sort by creation: history pages by `_id` and read pointers and
 * reconnect cursors compare ids (see message-ids.ts). Indexes: chat-message.repository.ts.
 */
@Schema({ ...baseSchemaOptions, timestamps: false, collection: 'chatMessages' })
export class ChatMessage {
  @Prop({ type: SchemaTypes.ObjectId, required: true })
  _id: Types.ObjectId;

  @Prop({ required: true, immutable: true })
  roomId: string;

  @Prop({ required: true, immutable: true })
  senderId: string;

  /** Plain text, stored exactly as sent (after trimming). */
  @Prop({ required: true, immutable: true, validate: maxTextLength(MAX_CHAT_MESSAGE_LENGTH) })
  body: string;

  /**
   * The sender's id for the message; a message sent without one is keyed by its own id. Always
   * set, because the unique index below must hold on MongoDB, where missing values would collide
   * as nulls, and FerretDB 1.24 has no partial indexes to leave them out.
   */
  @Prop({ required: true, immutable: true })
  clientId: string;

  @Prop({ required: true, immutable: true })
  createdAt: Date;

  /** The UTC day of the id's second (`2026-12-05`): the bucket queries read by (message-days.ts). */
  @Prop({ required: true, immutable: true })
  day: string;

  /** `evt.chat.message_created`, written with the message and removed once published. */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];
}

export const ChatMessageSchema = SchemaFactory.createForClass(ChatMessage);
ChatMessageSchema.plugin(outboxPlugin);
