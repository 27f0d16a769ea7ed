import {
  CHAT_PREVIEW_LENGTH,
  type ChatLastMessage,
  type ChatMessageView,
  type ChatReadView,
  type ChatRoomView,
} from '@arogyam/contracts';
import type { RoomTimeline } from '../messages/message-days';
import { toReadView } from '../read-state/read-views';
import type { ChatRoom, ChatRoomLastMessage } from './chat-room.schema';

export type StoredRoom = Pick<
  ChatRoom,
  | '_id'
  | 'doctorId'
  | 'patientId'
  | 'doctor'
  | 'patient'
  | 'lastMessage'
  | 'readUpTo'
  | 'unread'
  | 'messageCount'
  | 'createdAt'
>;

/** The start of a message, cut between characters (not inside a surrogate pair). */
const preview = (body: string): string => Array.from(body).slice(0, CHAT_PREVIEW_LENGTH).join('');

export const toLastMessage = (message: ChatMessageView): ChatRoomLastMessage => ({
  id: message.id,
  senderId: message.senderId,
  body: preview(message.body),
  createdAt: new Date(message.createdAt),
});

const toLastMessageView = (last: ChatRoomLastMessage): ChatLastMessage => ({
  id: last.id,
  senderId: last.senderId,
  body: last.body,
  createdAt: new Date(last.createdAt).toISOString(),
});

/** Each member's read pointer, doctor first; a member who has read nothing has none. */
const readPointers = (room: StoredRoom): ChatReadView[] =>
  [room.doctor.id, room.patient.id].flatMap((memberId) => {
    const pointer = room.readUpTo?.[memberId];
    return pointer ? [toReadView(room._id, memberId, pointer)] : [];
  });

/** The room as `userId` (a member) sees it, with their unread count. */
export const toRoomView = (room: StoredRoom, userId: string): ChatRoomView => ({
  id: room._id,
  doctor: { id: room.doctor.id, fullName: room.doctor.fullName },
  patient: { id: room.patient.id, fullName: room.patient.fullName },
  lastMessage: room.lastMessage ? toLastMessageView(room.lastMessage) : null,
  unreadCount: room.unread?.[userId] ?? 0,
  readPointers: readPointers(room),
});

/** The room's members other than `userId`: whom a message of theirs is for. */
export const othersThan = (room: StoredRoom, userId: string): string[] =>
  [room.doctor.id, room.patient.id].filter((memberId) => memberId !== userId);

/** What the room knows of its messages, which bounds the days its queries read. */
export const timelineOf = (room: StoredRoom): RoomTimeline => ({
  roomId: room._id,
  openedAt: room.createdAt,
  newestId: room.lastMessage?.id,
  messageCount: room.messageCount,
});
