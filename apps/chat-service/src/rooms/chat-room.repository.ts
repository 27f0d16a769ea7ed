import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model, UpdateQuery } from 'mongoose';
import type { EventEnvelope, PatientDataPage } from '@arogyam/contracts';
import { insertEachMissing, patientDataPage, pushToOutbox } from '@arogyam/persistence';
import {
  ChatRoom,
  ChatRoomSchema,
  type ChatReadPointer,
  type ChatRoomLastMessage,
  type ChatRoomMember,
} from './chat-room.schema';
import { toRoomView, type StoredRoom } from './room-views';

const MOST_RECENTLY_ACTIVE_FIRST = { 'lastMessage.id': -1, _id: 1 } as const;
const WITHOUT_OUTBOX = { outbox: 0 } as const;
/** Pointers and counters are bookkeeping of the messages, not changes of the room: no `updatedAt`. */
const BOOKKEEPING = { timestamps: false } as const;

// A doctor's and a patient's rooms, most recently active first (`recentOfDoctor`, `recentOfPatient`).
// Every other query is by `_id`, the pair.
ChatRoomSchema.index({ doctorId: 1, 'lastMessage.id': -1, _id: 1 });
ChatRoomSchema.index({ patientId: 1, 'lastMessage.id': -1, _id: 1 });

/** A doctor–patient pair whose room an appointment opens. */
export interface RoomOpening {
  roomId: string;
  doctor: ChatRoomMember;
  patient: ChatRoomMember;
}

const newRoom = ({ roomId, doctor, patient }: RoomOpening): ChatRoom => ({
  _id: roomId,
  doctorId: doctor.id,
  patientId: patient.id,
  doctor,
  patient,
  readUpTo: {},
  unread: { [doctor.id]: 0, [patient.id]: 0 },
  messageCount: 0,
  outbox: [],
});

export const chatRoomModel: ModelDefinition = { name: ChatRoom.name, schema: ChatRoomSchema };

/** A read's recount of the reader's unread messages, valid while the room's `messageCount` is still this. */
export interface UnreadRecount {
  count: number;
  ifMessageCount: number | undefined;
}

/** Every read and write of `chatRooms`. */
@Injectable()
export class ChatRoomRepository {
  constructor(@InjectModel(ChatRoom.name) private readonly rooms: Model<ChatRoom>) {}

  /**
   * The pairs' rooms, each created unless it exists: a taken `_id` means the room is there already
   * and stays as it is. Not an upsert: on FerretDB that is a read and an insert, and a booking opens
   * a room (docs/benchmarks.md).
   */
  async open(openings: RoomOpening[]): Promise<void> {
    // A pair twice in one batch: the first booking's names, as when handled one after another.
    const rooms = new Map<string, ChatRoom>();
    for (const opening of openings)
      if (!rooms.has(opening.roomId)) rooms.set(opening.roomId, newRoom(opening));
    await insertEachMissing(this.rooms, [...rooms.values()]);
  }

  findById(roomId: string): Promise<StoredRoom | null> {
    return this.rooms.findById(roomId, WITHOUT_OUTBOX).lean<StoredRoom>().exec();
  }

  recentOfDoctor(doctorId: string, limit: number): Promise<StoredRoom[]> {
    return this.recent({ doctorId }, limit);
  }

  recentOfPatient(patientId: string, limit: number): Promise<StoredRoom[]> {
    return this.recent({ patientId }, limit);
  }

  /**
   * Records a stored message on its room, in one atomic update: `lastMessage` moves forward only
   * (`$max`: BSON compares embedded documents field by field, and `id` is the first), the room
   * counts it, and it is unread for each of `recipientIds`.
   */
  async recordMessage(roomId: string, last: ChatRoomLastMessage, recipientIds: string[]): Promise<void> {
    const unread = Object.fromEntries(recipientIds.map((userId) => [`unread.${userId}`, 1]));
    await this.rooms
      .updateOne(
        { _id: roomId },
        { $max: { lastMessage: last }, $inc: { messageCount: 1, ...unread } },
        BOOKKEEPING,
      )
      .exec();
  }

  /** Moves `lastMessage` forward only, as `recordMessage` does, counting nothing. */
  async advanceLastMessage(roomId: string, last: ChatRoomLastMessage): Promise<void> {
    await this.rooms.updateOne({ _id: roomId }, { $max: { lastMessage: last } }, BOOKKEEPING).exec();
  }

  /**
   * Moves the reader's pointer to `pointer` if it is not there or beyond yet, with `events` in the
   * outbox and, given `unread`, the reader's unread count set, all in one atomic update. With
   * `unread` the update applies only while the room's `messageCount` is `unread.ifMessageCount`
   * (no message recorded since the recount). Answers whether it applied.
   */
  async moveReadPointer(
    roomId: string,
    readerId: string,
    pointer: ChatReadPointer,
    events: EventEnvelope[],
    unread?: UnreadRecount,
  ): Promise<boolean> {
    const filter: FilterQuery<ChatRoom> = {
      _id: roomId,
      // Also matches a reader without a pointer yet.
      [`readUpTo.${readerId}.messageId`]: { $not: { $gte: pointer.messageId } },
      // `null` matches a room from before the count, as that room's read saw it.
      ...(unread ? { messageCount: unread.ifMessageCount ?? null } : {}),
    };
    const update: UpdateQuery<ChatRoom> = {
      $set: {
        [`readUpTo.${readerId}`]: pointer,
        ...(unread ? { [`unread.${readerId}`]: unread.count } : {}),
      },
      ...(events.length > 0 ? pushToOutbox(...events) : {}),
    };
    return (await this.rooms.updateOne(filter, update, BOOKKEEPING).exec()).matchedCount === 1;
  }

  /**
   * Sets the reader's unread count to a recount from their pointer as it stands, only while the
   * pointer is still `pointerId` and no message was recorded since the recount. Answers whether it
   * applied.
   */
  async recountUnread(
    roomId: string,
    readerId: string,
    pointerId: string,
    unread: UnreadRecount,
  ): Promise<boolean> {
    const filter: FilterQuery<ChatRoom> = {
      _id: roomId,
      [`readUpTo.${readerId}.messageId`]: pointerId,
      messageCount: unread.ifMessageCount ?? null,
    };
    const update = { $set: { [`unread.${readerId}`]: unread.count } };
    return (await this.rooms.updateOne(filter, update, BOOKKEEPING).exec()).matchedCount === 1;
  }

  async readPointerOf(roomId: string, userId: string): Promise<ChatReadPointer | undefined> {
    const room = await this.rooms
      .findById(roomId, { [`readUpTo.${userId}`]: 1 })
      .lean<Pick<ChatRoom, 'readUpTo'>>()
      .exec();
    return room?.readUpTo?.[userId];
  }

  private recent(member: FilterQuery<ChatRoom>, limit: number): Promise<StoredRoom[]> {
    return this.rooms
      .find(member, WITHOUT_OUTBOX)
      .sort(MOST_RECENTLY_ACTIVE_FIRST)
      .limit(limit)
      .lean<StoredRoom[]>()
      .exec();
  }

  /** The ids of the patient's rooms (one per doctor they booked), for their data export. */
  async roomIdsOfPatient(patientId: string): Promise<string[]> {
    const rooms = await this.rooms.find({ patientId }, { _id: 1 }).lean<{ _id: string }[]>().exec();
    return rooms.map((room) => room._id);
  }

  /** The patient's rooms, for their data export. */
  exportPage(patientId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.rooms, { patientId }, cursor, (room) => ({ ...toRoomView(room, patientId) }));
  }
}
