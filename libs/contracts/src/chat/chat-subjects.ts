/** chat-service's request/reply subjects (queue group `chat-service`). */
export const ChatSubjects = {
  /** The caller's rooms, most recently active first, each with its unread count. */
  listRooms: 'chat.room.list',
  /** One room, for its doctor or its patient (404 for anyone else). */
  getRoom: 'chat.room.get',
  /** Moves the caller's read pointer forward to a message of the room. */
  markRead: 'chat.room.read',
  /** A page of a room's messages, newest first, bounded by `before` and/or `after`. */
  listMessages: 'chat.message.list',
  send: 'chat.message.send',
} as const;
