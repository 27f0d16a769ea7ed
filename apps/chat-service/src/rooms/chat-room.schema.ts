import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { baseSchemaOptions, OutboxEntrySchema, outboxPlugin, type OutboxEntry } from '@arogyam/persistence';

const embedded = { _id: false, versionKey: false } as const;

@Schema(embedded)
export class ChatRoomMember {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  fullName: string;
}

/** The newest message in short, so the room list needs no query of the messages. */
@Schema(embedded)
export class ChatRoomLastMessage {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  senderId: string;

  @Prop({ required: true })
  body: string;

  @Prop({ required: true })
  createdAt: Date;
}

/** Every message of the room up to `messageId` (a message id, which sorts by creation) is read. */
@Schema(embedded)
export class ChatReadPointer {
  @Prop({ required: true })
  messageId: string;

  @Prop({ required: true })
  at: Date;
}

/**
 * One room per doctor–patient pair; `_id` is the pair (`chatRoomId`), so opening it twice finds
 * the same room. The members are as they were when the room opened. `lastMessage` and each
 * member's `readUpTo` entry only ever move forward (see room-pointers.ts).
 */
@Schema({ ...baseSchemaOptions, collection: 'chatRooms' })
export class ChatRoom {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: SchemaFactory.createForClass(ChatRoomMember), required: true, immutable: true })
  doctor: ChatRoomMember;

  @Prop({ type: SchemaFactory.createForClass(ChatRoomMember), required: true, immutable: true })
  patient: ChatRoomMember;

  @Prop({ type: SchemaFactory.createForClass(ChatRoomLastMessage) })
  lastMessage?: ChatRoomLastMessage;

  /** By member user id. */
  @Prop({ type: Map, of: SchemaFactory.createForClass(ChatReadPointer), default: {} })
  readUpTo: Record<string, ChatReadPointer>;

  /**
   * `evt.chat.room_read`, written with the read pointer it announces and removed once published;
   * flushed only in the room's turn of pointer updates (see room-pointers.ts).
   */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  createdAt?: Date;
}

export const ChatRoomSchema = SchemaFactory.createForClass(ChatRoom);
ChatRoomSchema.plugin(outboxPlugin);
// A doctor's and a patient's rooms, most recently active first.
ChatRoomSchema.index({ 'doctor.id': 1, 'lastMessage.id': -1 });
ChatRoomSchema.index({ 'patient.id': 1, 'lastMessage.id': -1 });
