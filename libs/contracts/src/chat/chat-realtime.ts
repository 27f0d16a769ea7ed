/**
 * Plain NATS subjects (not JetStream) of the chat's live traffic. chat-service publishes
 * `message` and `read` after its write; a gateway publishes `typing`. Every gateway instance
 * subscribes to `rt.chat.>` without a queue group and emits to its own sockets in the room.
 */
export const CHAT_REALTIME_KINDS = ['message', 'typing', 'read'] as const;
export type ChatRealtimeKind = (typeof CHAT_REALTIME_KINDS)[number];

export const ChatRealtimeSubjects = {
  all: 'rt.chat.>',
  of: (roomId: string, kind: ChatRealtimeKind): string => `rt.chat.${roomId}.${kind}`,
} as const;

/** The room and kind of an `rt.chat.<roomId>.<kind>` subject, or undefined for anything else. */
export function parseChatRealtimeSubject(
  subject: string,
): { roomId: string; kind: ChatRealtimeKind } | undefined {
  const [rt, chat, roomId, kind, ...rest] = subject.split('.');
  if (rt !== 'rt' || chat !== 'chat' || !roomId || rest.length > 0) return undefined;
  return (CHAT_REALTIME_KINDS as readonly string[]).includes(kind)
    ? { roomId, kind: kind as ChatRealtimeKind }
    : undefined;
}
