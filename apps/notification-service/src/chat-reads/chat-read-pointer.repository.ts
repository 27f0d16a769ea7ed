import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { ChatReadView } from '@arogyam/contracts';
import { writeUnlessNewerStored } from '@arogyam/persistence';
import { ChatReadPointer, ChatReadPointerSchema } from './chat-read-pointer.schema';

export const chatReadPointerModel: ModelDefinition = {
  name: ChatReadPointer.name,
  schema: ChatReadPointerSchema,
};

const pointerId = (roomId: string, userId: string): string => `${roomId}|${userId}`;

/**
 * Every read and write of `chatReadPointers`: the chat rooms' read pointers as
 * notification-service last heard them, only ever forward. Every query is by `_id`.
 */
@Injectable()
export class ChatReadPointerRepository {
  constructor(@InjectModel(ChatReadPointer.name) private readonly pointers: Model<ChatReadPointer>) {}

  /**
   * Moves the member's pointer forward to `read`. An older or repeated event misses the filter, and
   * its upsert then meets the taken `_id` and changes nothing (writeUnlessNewerStored).
   */
  moveForward(read: ChatReadView): Promise<void> {
    const { roomId, userId, messageId } = read;
    return writeUnlessNewerStored(() =>
      this.pointers
        .updateOne(
          { _id: pointerId(roomId, userId), messageId: { $lt: messageId } },
          { $set: { roomId, userId, messageId, at: new Date(read.at) } },
          { upsert: true },
        )
        .exec(),
    );
  }

  /**
   * The pointers of those of `userIds` (a room's other member, as a rule) who have read the room up
   * to `messageId` already.
   */
  async readersOf(roomId: string, messageId: string, userIds: string[]): Promise<ChatReadView[]> {
    if (userIds.length === 0) return [];
    const found = await this.pointers
      .find({
        _id: { $in: userIds.map((userId) => pointerId(roomId, userId)) },
        messageId: { $gte: messageId },
      })
      .lean<ChatReadPointer[]>()
      .exec();
    return found.map((pointer) => ({
      roomId,
      userId: pointer.userId,
      messageId: pointer.messageId,
      at: new Date(pointer.at).toISOString(),
    }));
  }
}
