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
 * member's `readUpTo` entry only ever move forward (see room-pointers.ts). Indexes:
 * chat-room.repository.ts.
 */
@Schema({ ...baseSchemaOptions, collection: 'chatRooms' })
export class ChatRoom {
  @Prop({ type: String, required: true })
  _id: string;

  /** The members' ids at the top level, which FerretDB's indexes serve (a member's room list). */
  @Prop({ required: true, immutable: true })
  doctorId: string;

  @Prop({ required: true, immutable: true })
  patientId: string;

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
   * By member user id: the other member's messages after their read pointer, so the room list
   * counts nothing. Each message adds one for its recipient (`$inc`, in the update that records
   * it); a read sets it to a recount (read-state.service.ts).
   */
  @Prop({ type: Map, of: Number, default: {} })
  unread: Record<string, number>;

  /**
   * The messages recorded on the room, one `$inc` with each. A read's recount is stored only if
   * no message was recorded since it read the room; a short room's history is read whole.
   * Missing on a room from before it existed.
   */
  @Prop()
  messageCount?: number;

  /**
   * `evt.chat.room_read`, written with the read pointer it announces and removed once published
   * (see room-pointers.ts).
   */
  @Prop({ type: [OutboxEntrySchema], default: [] })
  outbox: OutboxEntry[];

  /** When the room opened (set by the insert that opened it): none of its messages is older. */
  createdAt?: Date;
}

export const ChatRoomSchema = SchemaFactory.createForClass(ChatRoom);
ChatRoomSchema.plugin(outboxPlugin);
