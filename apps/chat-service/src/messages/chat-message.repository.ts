import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import { Types, type FilterQuery, type Model } from 'mongoose';
import type { PatientDataPage } from '@arogyam/contracts';
import { countMatching, patientDataPage, type OutboxEntry } from '@arogyam/persistence';
import { ChatMessage, ChatMessageSchema } from './chat-message.schema';
import {
  dayWindows,
  daysBetweenIds,
  isShortRoom,
  pageDays,
  type MessageCursor,
  type RoomTimeline,
} from './message-days';
import { toChatMessageView, type StoredMessage } from './message-views';

const NEWEST_FIRST = { _id: -1 } as const;
const WITHOUT_OUTBOX = { outbox: 0 } as const;

// A room's messages by day, newest first: history pages (`pageOf`) and unread recounts
// (`countFromAfter`); a short room's, by `roomId` alone.
ChatMessageSchema.index({ roomId: 1, day: 1, _id: -1 });
// The resend key: the insert claims it (a copy gets E11000), `findResent` answers the original.
ChatMessageSchema.index({ roomId: 1, senderId: 1, clientId: 1 }, { unique: true });

export const chatMessageModel: ModelDefinition = { name: ChatMessage.name, schema: ChatMessageSchema };

const idsBetween = ({ before, after }: MessageCursor): FilterQuery<ChatMessage> =>
  before || after
    ? {
        _id: {
          ...(before ? { $lt: new Types.ObjectId(before) } : {}),
          ...(after ? { $gt: new Types.ObjectId(after) } : {}),
        },
      }
    : {};

/** Every read and write of `chatMessages`. */
@Injectable()
export class ChatMessageRepository {
  constructor(@InjectModel(ChatMessage.name) private readonly messages: Model<ChatMessage>) {}

  /** Stores a new message with its events; rejects with E11000 when its resend key is taken. */
  async insert(message: StoredMessage, outbox: OutboxEntry[]): Promise<void> {
    await this.messages.create({ ...message, outbox });
  }

  /** The message a sender already stored under this `clientId` in the room. */
  findResent(roomId: string, senderId: string, clientId: string): Promise<StoredMessage | null> {
    return this.messages.findOne({ roomId, senderId, clientId }, WITHOUT_OUTBOX).lean<StoredMessage>().exec();
  }

  /** The room a message is in, if it exists. */
  async roomOf(messageId: string): Promise<string | undefined> {
    const found = await this.messages
      .findById(new Types.ObjectId(messageId), { roomId: 1 })
      .lean<Pick<ChatMessage, 'roomId'>>()
      .exec();
    return found?.roomId;
  }

  /**
   * Up to `count` of the room's messages between the cursor's ids, newest first. A short room is
   * read whole; a longer one a few days at a time, newest first (message-days.ts), until `count`
   * are found: a page reads the messages of the days it spans, never the whole conversation.
   */
  async pageOf(room: RoomTimeline, cursor: MessageCursor, count: number): Promise<StoredMessage[]> {
    const days = isShortRoom(room) ? undefined : pageDays(room, cursor, new Date());
    if (!days) return this.newest({ roomId: room.roomId, ...idsBetween(cursor) }, count);
    const found: StoredMessage[] = [];
    for (const window of dayWindows(days)) {
      if (found.length >= count) break;
      const filter = { roomId: room.roomId, day: { $in: window }, ...idsBetween(cursor) };
      // Windows are whole days, newest first, so each one's messages are older than the last one's.
      found.push(...(await this.newest(filter, count - found.length)));
    }
    return found;
  }

  /** How many of `senderId`'s messages in the room are after `afterId`, up to `upToId` included. */
  async countFromAfter(
    room: RoomTimeline,
    senderId: string,
    afterId: string,
    upToId: string,
  ): Promise<number> {
    const ids = { _id: { $gt: new Types.ObjectId(afterId), $lte: new Types.ObjectId(upToId) } };
    const from = { roomId: room.roomId, senderId, ...ids };
    if (isShortRoom(room)) return countMatching(this.messages, from);
    let total = 0;
    for (const days of daysBetweenIds(afterId, upToId)) {
      total += await countMatching(this.messages, { ...from, day: { $in: days } });
    }
    return total;
  }

  private newest(filter: FilterQuery<ChatMessage>, count: number): Promise<StoredMessage[]> {
    return this.messages
      .find(filter, WITHOUT_OUTBOX)
      .sort(NEWEST_FIRST)
      .limit(count)
      .lean<StoredMessage[]>()
      .exec();
  }

  /** Every message in these rooms (the patient's), oldest first, for the patient's data export. */
  exportPage(roomIds: string[], cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.messages, { roomId: { $in: roomIds } }, cursor, (message) => ({
      ...toChatMessageView(message),
    }));
  }
}
