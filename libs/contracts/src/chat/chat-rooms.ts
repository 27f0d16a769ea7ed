/**
 * One room per doctor–patient pair, keyed by the pair itself, so opening it again (a second
 * appointment, a redelivered event) finds the same room. User ids are UUIDs: no `:` or `.`
 * inside, so the key is also one NATS subject token (`rt.chat.<roomId>.*`).
 */
export const chatRoomId = (doctorId: string, patientId: string): string => `${doctorId}:${patientId}`;

/** Which side of a room a user is on: the room's id names its doctor first (chatRoomId). */
export const roleInChatRoom = (roomId: string, userId: string): 'doctor' | 'patient' =>
  roomId.split(':')[0] === userId ? 'doctor' : 'patient';

export const CHAT_ROOM_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}$/;

/** A sender's own id for a message (a UUID, a nanoid): what makes a resend find the original. */
export const CHAT_CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const MAX_CHAT_MESSAGE_LENGTH = 4000;
export const DEFAULT_CHAT_PAGE_SIZE = 30;
export const MAX_CHAT_PAGE_SIZE = 100;
