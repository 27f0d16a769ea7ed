import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Types, type FilterQuery, type Model } from 'mongoose';
import { ChatMessage } from '../messages/chat-message.schema';
import type { StoredRoom } from '../rooms/room-views';

/**
 * A member's unread messages per room: those after their read pointer that they did not send.
 * All rooms are counted in one aggregation whose `$or` has one `{roomId, _id > pointer}` branch per
 * room, each served by the `{roomId, _id}` index on MongoDB; FerretDB 1.24 scans the collection
 * once per query whatever the indexes, so one query for all rooms beats one per room there too.
 */
@Injectable()
export class UnreadCounts {
  constructor(@InjectModel(ChatMessage.name) private readonly messages: Model<ChatMessage>) {}

  async of(userId: string, rooms: StoredRoom[]): Promise<Map<string, number>> {
    if (rooms.length === 0) return new Map();
    const branches = rooms.map((room): FilterQuery<ChatMessage> => {
      const pointer = room.readUpTo?.[userId]?.messageId;
      return pointer ? { roomId: room._id, _id: { $gt: new Types.ObjectId(pointer) } } : { roomId: room._id };
    });
    const counts = await this.messages
      .aggregate<{ _id: string; count: number }>([
        { $match: { $or: branches, senderId: { $ne: userId } } },
        { $group: { _id: '$roomId', count: { $sum: 1 } } },
      ])
      .exec();
    return new Map(counts.map(({ _id, count }) => [_id, count]));
  }
}
