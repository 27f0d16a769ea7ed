import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import {
  DomainError,
  chatRoomId,
  type Actor,
  type AppointmentView,
  type ChatRoomView,
} from '@arogyam/contracts';
import { insertOnce } from '@arogyam/persistence';
import { UnreadCounts } from '../read-state/unread-counts';
import { ChatRoom } from './chat-room.schema';
import { RoomAccess } from './room-access';
import { toRoomView, type StoredRoom } from './room-views';

/** A member sees at most this many rooms in the list, the most recently active ones. */
export const MAX_LISTED_ROOMS = 100;

@Injectable()
export class ChatRoomsService {
  constructor(
    @InjectModel(ChatRoom.name) private readonly rooms: Model<ChatRoom>,
    private readonly access: RoomAccess,
    private readonly unread: UnreadCounts,
  ) {}

  /**
   * Opens the pair's room for an appointment between them. The room key is the pair, and the
   * insert sets fields only when it creates the room, so a second appointment or a redelivered
   * event finds the room as it is and changes nothing.
   */
  async open(appointment: AppointmentView): Promise<StoredRoom> {
    return insertOnce<ChatRoom>(this.rooms, chatRoomId(appointment.doctorId, appointment.patientId), {
      doctor: { id: appointment.doctorId, fullName: appointment.doctor.fullName },
      patient: { id: appointment.patientId, fullName: appointment.patient.fullName },
      readUpTo: {},
    });
  }

  /** The caller's rooms, most recently active first, each with the caller's unread count. */
  async list(actor: Actor): Promise<ChatRoomView[]> {
    let filter: FilterQuery<ChatRoom>;
    if (actor.role === 'doctor') filter = { 'doctor.id': actor.userId };
    else if (actor.role === 'patient') filter = { 'patient.id': actor.userId };
    else throw DomainError.forbidden('Only patients and doctors have chat rooms.');
    const rooms = await this.rooms
      .find(filter, { outbox: 0 })
      .sort({ 'lastMessage.id': -1, _id: 1 })
      .limit(MAX_LISTED_ROOMS)
      .lean<StoredRoom[]>()
      .exec();
    const unread = await this.unread.of(actor.userId, rooms);
    return rooms.map((room) => toRoomView(room, unread.get(room._id) ?? 0));
  }

  async get(actor: Actor, roomId: string): Promise<ChatRoomView> {
    const room = await this.access.memberRoom(actor, roomId);
    const unread = await this.unread.of(actor.userId, [room]);
    return toRoomView(room, unread.get(room._id) ?? 0);
  }
}
