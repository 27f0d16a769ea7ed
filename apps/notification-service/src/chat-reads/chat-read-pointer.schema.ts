import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { baseSchemaOptions } from '@arogyam/persistence';

/**
 * How far one member has read one chat room, as `evt.chat.room_read` told it; `_id` is
 * `<roomId>|<userId>`. Kept so that a message event handled after the read it preceded (two events
 * published moments apart, handled by two instances) notifies no one of a message already read.
 */
@Schema({ ...baseSchemaOptions, timestamps: false, collection: 'chatReadPointers' })
export class ChatReadPointer {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ required: true, immutable: true })
  roomId: string;

  @Prop({ required: true, immutable: true })
  userId: string;

  /** Every message of the room up to this id (ids sort by creation) is read. */
  @Prop({ required: true })
  messageId: string;

  @Prop({ required: true })
  at: Date;
}

/** Fields only: read and written by `_id` (chat-read-pointer.repository.ts). */
export const ChatReadPointerSchema = SchemaFactory.createForClass(ChatReadPointer);
