import { Injectable } from '@nestjs/common';
import { DomainError, type Actor } from '@arogyam/contracts';
import { ChatRoomRepository } from './chat-room.repository';
import type { StoredRoom } from './room-views';

export const ROOM_NOT_FOUND = 'Chat room not found.';

/** Its doctor and its patient are a room's only members; nobody else, admins included, reads it. */
const isMember = (actor: Actor, room: StoredRoom): boolean =>
  (actor.role === 'doctor' && room.doctor.id === actor.userId) ||
  (actor.role === 'patient' && room.patient.id === actor.userId);

@Injectable()
export class RoomAccess {
  constructor(private readonly rooms: ChatRoomRepository) {}

  /**
   * The room, if the actor is one of its members. For anyone else it does not exist: the same 404
   * as for an unknown room, so a non-member learns nothing, not even that the pair has a room.
   */
  async memberRoom(actor: Actor, roomId: string): Promise<StoredRoom> {
    const room = await this.rooms.findById(roomId);
    if (!room || !isMember(actor, room)) throw DomainError.notFound(ROOM_NOT_FOUND);
    return room;
  }

  /** The room's patient, for the audit trail of a refused look at it (none if there is no room). */
  async patientOf(roomId: string): Promise<string | undefined> {
    return (await this.rooms.findById(roomId))?.patient.id;
  }
}
