import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { ChatJoinAck, ChatMessagePage, ChatMessageView, ChatReadView } from '../api/types';
import { useAction, type Action } from '../hooks/use-action';
import { useAsync, type AsyncState } from '../hooks/use-async';
import { useLatest } from '../hooks/use-latest';
import { emitWithAck, toRealtimeError } from '../socket/socket-ack';
import { useRealtime, useSocketEvent } from '../socket/socket-provider';
import { EMPTY_CONVERSATION, conversationReducer, type ConversationState } from './conversation-state';

/** Messages per history page (the API's default is 30, at most 100). */
const PAGE_SIZE = 30;

export interface Conversation {
  state: ConversationState;
  /** The first page of history: loading, or failed (404: no such room, or not one of yours). */
  history: AsyncState<true>;
  /** "Load earlier messages": one older page at a time. */
  earlier: Action;
  loadEarlier(): void;
  /** Whether the socket is in the room: live messages, typing and read ticks reach it. */
  joined: boolean;
  /** Why joining the room failed, if it did. */
  joinError: string | null;
  /** Sends a new message; it shows at once as being sent. */
  send(body: string): void;
  /** Sends a failed message again, with its first clientId, so the server never stores it twice. */
  retry(clientId: string): void;
  /** Tells the other member everything up to this message is read (only ever forward). */
  markRead(messageId: string): void;
  /** The room's read pointers as loaded (the room view): the other member's shows as read ticks. */
  showReadPointers(pointers: readonly ChatReadView[]): void;
}

/**
 * One room's messages for its member `userId`: history over REST, everything live over the session's
 * socket. On every (re)connect the socket joins the room again with `after` = the newest message here,
 * and what it missed is merged in by id. Render it in a component keyed by `roomId`.
 */
export function useConversation(api: ApiClient, roomId: string, userId: string): Conversation {
  const { socket } = useRealtime();
  const [state, dispatch] = useReducer(conversationReducer, EMPTY_CONVERSATION);
  const [joined, setJoined] = useState(false);
  const [joinError, setJoinError] = useState<string | null>(null);
  const earlier = useAction();
  const current = useLatest(state);

  const messagesPath = `/chat/rooms/${encodeURIComponent(roomId)}/messages`;
  const loadPage = async (before?: string, signal?: AbortSignal) => {
    const page = await api.get<ChatMessagePage>(messagesPath, {
      query: { limit: PAGE_SIZE, before },
      signal,
    });
    if (!signal?.aborted) dispatch({ type: 'page', items: page.items, hasMore: page.hasMore });
  };

  const history = useAsync(
    async (signal): Promise<true> => {
      await loadPage(undefined, signal);
      return true;
    },
    [roomId],
  );

  const loadEarlier = () => {
    const oldest = current.current.messages[0]?.id;
    if (oldest) void earlier.run(() => loadPage(oldest));
  };

  const showReadPointers = (pointers: readonly ChatReadView[]) => {
    for (const read of pointers) {
      if (read.roomId === roomId && read.userId !== userId)
        dispatch({ type: 'other-read', messageId: read.messageId });
    }
  };

  // Join on every connect: Socket.IO rooms do not survive a reconnect.
  useEffect(() => {
    if (!socket) return undefined;
    let active = true;
    const join = async () => {
      const after = current.current.messages.at(-1)?.id;
      try {
        const ack = await emitWithAck<ChatJoinAck>(
          socket,
          'chat:join',
          after ? { roomId, after } : { roomId },
        );
        if (!active) return;
        setJoined(true);
        setJoinError(null);
        // A `chat:read` missed while away is in the room's pointers.
        showReadPointers(ack.room.readPointers);
        if (ack.gap) dispatch({ type: 'gap', missed: ack.missed ?? [] });
        else if (ack.missed) dispatch({ type: 'received', messages: ack.missed });
        // Nothing to catch up from: what was stored between the first page and the join is read again.
        if (!after) await loadPage();
      } catch (thrown) {
        if (active) setJoinError(toRealtimeError(thrown).message);
      }
    };
    const left = () => setJoined(false);
    if (socket.connected) void join();
    socket.on('connect', join);
    socket.on('disconnect', left);
    return () => {
      active = false;
      socket.off('connect', join);
      socket.off('disconnect', left);
    };
    // loadPage only reads roomId and api, which key this component.
  }, [socket, roomId]);

  useSocketEvent<ChatMessageView>('chat:message', (message) => {
    if (message.roomId === roomId) dispatch({ type: 'received', messages: [message] });
  });
  useSocketEvent<ChatReadView>('chat:read', (read) => showReadPointers([read]));

  const deliver = (clientId: string, body: string) => {
    dispatch({ type: 'sending', clientId, body });
    if (!socket) return dispatch({ type: 'failed', clientId, error: 'You are offline.' });
    emitWithAck<ChatMessageView>(socket, 'chat:send', { roomId, body, clientId }).then(
      (stored) => dispatch({ type: 'received', messages: [stored] }),
      (thrown: unknown) => dispatch({ type: 'failed', clientId, error: toRealtimeError(thrown).message }),
    );
  };

  const send = (body: string) => deliver(newClientId(), body);

  const retry = (clientId: string) => {
    const failed = current.current.outgoing.find((message) => message.clientId === clientId);
    if (failed) deliver(clientId, failed.body);
  };

  const readUpTo = useRef<string | undefined>(undefined);
  const markRead = useCallback(
    (messageId: string) => {
      if (!socket?.connected || (readUpTo.current && readUpTo.current >= messageId)) return;
      readUpTo.current = messageId;
      emitWithAck<ChatReadView>(socket, 'chat:read', { roomId, messageId }).catch(() => {
        // Not recorded: the next chance (a new message, a reconnect) tries again.
        if (readUpTo.current === messageId) readUpTo.current = undefined;
      });
    },
    [socket, roomId],
  );

  return {
    state,
    history,
    earlier,
    loadEarlier,
    joined,
    joinError,
    send,
    retry,
    markRead,
    showReadPointers,
  };
}

/** A new message's clientId: a UUID (crypto.randomUUID needs a secure context, getRandomValues does not). */
function newClientId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}
