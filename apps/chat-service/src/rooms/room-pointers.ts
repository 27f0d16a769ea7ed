import { Injectable, Logger } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, UpdateQuery } from 'mongoose';
import type { EventEnvelope } from '@arogyam/contracts';
import { InjectOutboxRelay, OutboxRelay, pushToOutbox } from '@arogyam/persistence';
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
 * The update is `$max` of the whole pointer document, filtered by `_id` alone. BSON compares
 * embedded documents field by field, and the id is each pointer's first field, so `$max` writes
 * the new pointer only when its id sorts after the stored one: atomic and forward-only on MongoDB.
 * The `_id`-only filter is the one FerretDB 1.24's SQLite backend pushes down to SQLite; a filter
 * with a condition on the pointer scanned every room (18 ms instead of 2 ms per update at 500 rooms,
 * on every message sent).
 *
 * FerretDB applies an update as read-modify-write: an update that read the room before a
 * concurrent one wrote it writes the room back without that change. So this instance applies one
 * room's pointer updates one at a time, and reads the pointer back after each, repeating the update
 * while it does not show (which narrows, not closes, the window between two instances on FerretDB).
 *
 * An event that announces a pointer goes into the room's outbox in the same update, so the two
 * cannot part; the outbox is flushed in the room's turn too, because the relay's `$pull` is also a
 * read-modify-write of the room on FerretDB and must not write back a room without a newer pointer.
 */
@Injectable()
export class RoomPointers {
  private readonly logger = new Logger(RoomPointers.name);
  /** The last queued update of each room with pending updates. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    @InjectModel(ChatRoom.name) private readonly rooms: Model<ChatRoom>,
    @InjectOutboxRelay(ChatRoom.name) private readonly relay: OutboxRelay<ChatRoom>,
  ) {}

  /**
   * Answers the pointer as stored afterwards: `value`, or a later one. `events` are written with
   * the move (not when the pointer is there already) and published right after.
   */
  async advance<T extends object>(
    roomId: string,
    pointer: RoomPointer,
    value: T,
    events: EventEnvelope[] = [],
  ): Promise<T | undefined> {
    const stored = await this.inTurn(roomId, () => this.advanceNow(roomId, pointer, value, events));
    if (events.length > 0) void this.inTurn(roomId, () => this.relay.flush(roomId));
    return stored;
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
    events: EventEnvelope[],
  ): Promise<T | undefined> {
    const targetId = (value as Record<string, string>)[pointer.idField];
    const reached = (current: StoredPointer<T>): boolean =>
      current.roomGone || (current.id !== undefined && current.id >= targetId);
    // An event announces a move: none when the pointer is there already.
    if (events.length > 0) {
      const current = await this.read<T>(roomId, pointer);
      if (reached(current)) return current.value;
    }
    const update: UpdateQuery<ChatRoom> = {
      $max: { [pointer.path]: value },
      ...(events.length > 0 ? pushToOutbox(...events) : {}),
    };
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await this.rooms.updateOne({ _id: roomId }, update, { timestamps: false }).exec();
      const current = await this.read<T>(roomId, pointer);
      if (reached(current)) return current.value;
    }
    this.logger.warn(
      `${pointer.path} of room ${roomId} did not reach ${targetId} in ${MAX_ATTEMPTS} attempts`,
    );
    return undefined;
  }

  private async read<T>(roomId: string, pointer: RoomPointer): Promise<StoredPointer<T>> {
    const stored = await this.rooms
      .findById(roomId, { [pointer.path]: 1 })
      .lean<ChatRoom>()
      .exec();
    const value = valueAt(stored, pointer.path) as T | undefined;
    return { roomGone: !stored, value, id: valueAt(value, pointer.idField) as string | undefined };
  }
}

interface StoredPointer<T> {
  roomGone: boolean;
  value: T | undefined;
  id: string | undefined;
}
