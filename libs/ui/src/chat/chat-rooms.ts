import type { ChatRoomMember, ChatRoomView } from '../api/types';

/** Where a chat room opens in the patient and doctor apps. */
export function roomPath(roomId: string): string {
  return `/messages/${encodeURIComponent(roomId)}`;
}

/** The room of a doctor–patient pair, whose id is `<doctorId>:<patientId>` (docs/api.md, "Chat"). */
export function chatRoomPath(doctorId: string, patientId: string): string {
  return roomPath(`${doctorId}:${patientId}`);
}

/** The member of the room who is not the viewer. */
export function otherMember(room: ChatRoomView, userId: string): ChatRoomMember {
  return room.doctor.id === userId ? room.patient : room.doctor;
}
