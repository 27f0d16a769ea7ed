import { useEffect, useRef, useState } from 'react';
import type { ChatMessageView, ChatTypingView } from '../api/types';
import { useLatest } from '../hooks/use-latest';
import { emitWithAck } from '../socket/socket-ack';
import { useRealtime, useSocketEvent } from '../socket/socket-provider';

/** While the user keeps typing, `typing: true` is repeated this often, so the other side's indicator stays. */
const REPEAT_MS = 3_000;
/** This long without a keystroke counts as having stopped. */
const IDLE_MS = 2_500;
/** The other member counts as typing this long after their last `typing: true`, if no `false` comes. */
const SHOWN_MS = 6_000;

export interface Typing {
  /** Whether the other member is typing right now. */
  otherTyping: boolean;
  /** Call on each change of the composer's text: sends `chat:typing`, debounced. */
  noteTyping(): void;
  /** Call when the message is sent. */
  stopTyping(): void;
}

/** Both sides of the typing indicator of a room the socket has joined (typing is never stored). */
export function useTyping(roomId: string, userId: string, joined: boolean): Typing {
  const { socket } = useRealtime();
  const [otherTyping, setOtherTyping] = useState(false);
  const shown = useRef<ReturnType<typeof setTimeout>>(undefined);
  const mine = useRef({
    typing: false,
    sentAt: 0,
    idle: undefined as ReturnType<typeof setTimeout> | undefined,
  });
  const connection = useLatest({ socket, joined });

  const theyTyped = (typing: boolean) => {
    clearTimeout(shown.current);
    setOtherTyping(typing);
    if (typing) shown.current = setTimeout(() => setOtherTyping(false), SHOWN_MS);
  };

  useSocketEvent<ChatTypingView>('chat:typing', (event) => {
    if (event.roomId === roomId && event.userId !== userId) theyTyped(event.typing);
  });
  // Their message has arrived: they are no longer typing it.
  useSocketEvent<ChatMessageView>('chat:message', (message) => {
    if (message.roomId === roomId && message.senderId !== userId) theyTyped(false);
  });
  // Out of the room, their typing is unknown (a `typing: false` may have been missed meanwhile).
  useEffect(() => {
    if (joined) return;
    clearTimeout(shown.current);
    setOtherTyping(false);
  }, [joined]);

  /** Whether it could be sent: only a socket in the room may signal. */
  const signal = (typing: boolean): boolean => {
    const { socket: current, joined: inRoom } = connection.current;
    if (!current || !inRoom) return false;
    emitWithAck(current, 'chat:typing', { roomId, typing }).catch(() => undefined);
    return true;
  };

  const stopTyping = () => {
    clearTimeout(mine.current.idle);
    if (!mine.current.typing) return;
    mine.current.typing = false;
    signal(false);
  };

  const noteTyping = () => {
    const now = Date.now();
    // Counted as sent only once it was: keystrokes before the (re)join must signal again.
    if ((!mine.current.typing || now - mine.current.sentAt >= REPEAT_MS) && signal(true)) {
      mine.current.typing = true;
      mine.current.sentAt = now;
    }
    clearTimeout(mine.current.idle);
    mine.current.idle = setTimeout(stopTyping, IDLE_MS);
  };

  // Leaving the conversation mid-sentence stops the indicator on the other side.
  const stopOnLeave = useLatest(stopTyping);
  useEffect(
    () => () => {
      clearTimeout(shown.current);
      stopOnLeave.current();
    },
    [],
  );

  return { otherTyping, noteTyping, stopTyping };
}
