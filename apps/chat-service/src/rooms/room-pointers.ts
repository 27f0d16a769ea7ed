import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import { ChatRoom } from './chat-room.schema';

const MAX_ATTEMPTS = 5;

/** A room's message pointers: its `lastMessage` (by `id`) and each member's read pointer. */
export type RoomPointer =
  { path: 'lastMessage'; idField: 'id' } | { path: `readUpTo.${string}`; idField: 'messageId' };

const valueAt = (document: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], document);

/**
 * Moves a room's pointers forward (never back: message ids sort by creation).
 *
 * On MongoDB the filter "pointer behind the new value" makes each update atomic and forward-only.
 * FerretDB 1.24 applies an update as read-modify-write: an update that read the room before a
 * concurrent one wrote it writes the room back without that change, its filter evaluated on what
 * it read, so a late older message could even move `lastMessage` back. So this instance applies
 * one room's pointer updates one at a time, and reads the pointer back after each, repeating the
 * update while it does not show (which narrows, not closes, the window between two instances on
 * FerretDB).
 */
@Injectable()
export class RoomPointers {
  private readonly logger = new Logger(RoomPointers.name);
  /** The last queued update of each room with pending updates. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(@InjectModel(ChatRoom.name) private readonly rooms: Model<ChatRoom>) {}

  /** Answers the pointer as stored afterwards: `value`, or a later one. */
  advance<T extends object>(roomId: string, pointer: RoomPointer, value: T): Promise<T | undefined> {
    return this.inTurn(roomId, () => this.advanceNow(roomId, pointer, value));
  }

  private inTurn<R>(roomId: string, update: () => Promise<R>): Promise<R> {
    const previous = this.queues.get(roomId) ?? Promise.resolve();
    const result = previous.then(update);
    const settled = result.catch(() => undefined);
    this.queues.set(roomId, settled);
    void settled.then(() => {
      if (this.queues.get(roomId) === settled) this.queues.delete(roomId);
    });
    return result;
  }

  private async advanceNow<T extends object>(
    roomId: string,
    pointer: RoomPointer,
    value: T,
  ): Promise<T | undefined> {
    const idPath = `${pointer.path}.${pointer.idField}`;
    const targetId = (value as Record<string, string>)[pointer.idField];
    const behind = {
      _id: roomId,
      $or: [{ [idPath]: { $exists: false } }, { [idPath]: { $lt: targetId } }],
    } as FilterQuery<ChatRoom>;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await this.rooms.updateOne(behind, { $set: { [pointer.path]: value } }, { timestamps: false }).exec();
      const stored = await this.rooms
        .findById(roomId, { [pointer.path]: 1 })
        .lean<ChatRoom>()
        .exec();
      const current = valueAt(stored, pointer.path) as T | undefined;
      const currentId = valueAt(current, pointer.idField) as string | undefined;
      if (!stored || (currentId !== undefined && currentId >= targetId)) return current;
    }
    this.logger.warn(
      `${pointer.path} of room ${roomId} did not reach ${targetId} in ${MAX_ATTEMPTS} attempts`,
    );
    return undefined;
  }
}
