/**
 * A stored chat message. `body` is plain text, exactly as stored (never HTML: clients render it
 * as text). `clientId` is the sender's own id for it, present when the sender gave one.
 */
export interface ChatMessageView {
  id: string;
  roomId: string;
  senderId: string;
  body: string;
  clientId?: string;
  createdAt: string;
}

export interface ChatRoomMember {
  id: string;
  fullName: string;
}

/** The room's newest message in short (`body` cut to {@link CHAT_PREVIEW_LENGTH} characters). */
export interface ChatLastMessage {
  id: string;
  senderId: string;
  body: string;
  createdAt: string;
}

/**
 * One doctor–patient pair's room, as its member `unreadCount` sees it. `readPointers` holds each
 * member's read pointer (doctor first; none for a member who has read nothing), so a client that
 * loads the room shows read ticks without having seen the `chat:read` that moved them.
 */
export interface ChatRoomView {
  id: string;
  doctor: ChatRoomMember;
  patient: ChatRoomMember;
  lastMessage: ChatLastMessage | null;
  unreadCount: number;
  readPointers: ChatReadView[];
}

/** `chat.message.list`: newest first; `hasMore` says an older (or, with `after`, a newer) page exists. */
export interface ChatMessagePage {
  items: ChatMessageView[];
  hasMore: boolean;
}

/** A member's read pointer: every message up to `messageId` counts as read. */
export interface ChatReadView {
  roomId: string;
  userId: string;
  messageId: string;
  at: string;
}

/** `chat:typing` as the other member receives it; never stored. */
export interface ChatTypingView {
  roomId: string;
  userId: string;
  typing: boolean;
}

/**
 * The ack of `chat:join`. With `after`, `missed` holds the messages after it, oldest first (at
 * most {@link CHAT_CATCH_UP_LIMIT}, the newest ones); `gap` says older missed ones were left out
 * (page back with `before`).
 */
export interface ChatJoinAck {
  room: ChatRoomView;
  missed?: ChatMessageView[];
  gap?: boolean;
}

/** Every socket event's error ack: `error` is a stable code, `message` for people. */
export interface ChatErrorAck {
  error:
    | 'bad_request'
    | 'unauthorized'
    | 'forbidden'
    | 'not_found'
    | 'not_joined'
    | 'conflict'
    | 'rate_limited'
    | 'unavailable'
    | 'internal';
  message: string;
  details?: { field: string; problem: string }[];
}

export const CHAT_PREVIEW_LENGTH = 200;
export const CHAT_CATCH_UP_LIMIT = 100;
