import { Injectable } from '@nestjs/common';
import {
  DomainError,
  chatRoomId,
  type Actor,
  type AppointmentView,
  type ChatRoomView,
} from '@arogyam/contracts';
import { ChatRoomRepository } from './chat-room.repository';
import { RoomAccess } from './room-access';
import { toRoomView, type StoredRoom } from './room-views';

/** A member sees at most this many rooms in the list, the most recently active ones. */
export const MAX_LISTED_ROOMS = 100;

@Injectable()
export class ChatRoomsService {
  constructor(
    private readonly rooms: ChatRoomRepository,
    private readonly access: RoomAccess,
  ) {}

  /**
   * Opens each pair's room for an appointment between them. The room key is the pair, and the
   * insert only creates it, so a second appointment or a redelivered event finds the room as it
   * is and changes nothing.
   */
  open(appointments: AppointmentView[]): Promise<void> {
    return this.rooms.open(
      appointments.map((appointment) => ({
        roomId: chatRoomId(appointment.doctorId, appointment.patientId),
        doctor: { id: appointment.doctorId, fullName: appointment.doctor.fullName },
        patient: { id: appointment.patientId, fullName: appointment.patient.fullName },
      })),
    );
  }

  /**
   * The caller's rooms, most recently active first, each with the caller's unread count as the
   * room keeps it: the list reads rooms only, never messages.
   */
  async list(actor: Actor): Promise<ChatRoomView[]> {
    let rooms: StoredRoom[];
    if (actor.role === 'doctor') rooms = await this.rooms.recentOfDoctor(actor.userId, MAX_LISTED_ROOMS);
    else if (actor.role === 'patient')
      rooms = await this.rooms.recentOfPatient(actor.userId, MAX_LISTED_ROOMS);
    else throw DomainError.forbidden('Only patients and doctors have chat rooms.');
    return rooms.map((room) => toRoomView(room, actor.userId));
  }

  async get(actor: Actor, roomId: string): Promise<ChatRoomView> {
    return toRoomView(await this.access.memberRoom(actor, roomId), actor.userId);
  }
}
