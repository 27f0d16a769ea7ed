import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { isDuplicateKey, type ChatReadView } from '@arogyam/contracts';
import { ChatReadPointer } from './chat-read-pointer.schema';

const pointerId = (roomId: string, userId: string): string => `${roomId}|${userId}`;

/** The chat rooms' read pointers as notification-service last heard them, only ever forward. */
@Injectable()
export class ChatReadPointers {
  constructor(@InjectModel(ChatReadPointer.name) private readonly pointers: Model<ChatReadPointer>) {}

  /**
   * Moves the member's pointer forward to `read`. An older or repeated event misses the filter, and
   * its upsert then meets the taken `_id` and changes nothing.
   */
  async record(read: ChatReadView): Promise<void> {
    const { roomId, userId, messageId } = read;
    try {
      await this.pointers
        .updateOne(
          { _id: pointerId(roomId, userId), messageId: { $lt: messageId } },
          { $set: { roomId, userId, messageId, at: new Date(read.at) } },
          { upsert: true },
        )
        .exec();
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  /**
   * The pointers of those of `userIds` (a room's other member, as a rule) who have read the room up
   * to `messageId` already. One look-up by `_id` each: FerretDB scans the collection for `$in`.
   */
  async readersOf(roomId: string, messageId: string, userIds: string[]): Promise<ChatReadView[]> {
    const found = await Promise.all(
      userIds.map((userId) =>
        this.pointers.findById(pointerId(roomId, userId)).lean<ChatReadPointer>().exec(),
      ),
    );
    return found
      .filter((pointer): pointer is ChatReadPointer => pointer !== null && pointer.messageId >= messageId)
      .map((pointer) => ({
        roomId,
        userId: pointer.userId,
        messageId: pointer.messageId,
        at: new Date(pointer.at).toISOString(),
      }));
  }
}
