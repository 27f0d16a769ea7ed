import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChatMessageView } from '../api/types';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { formatDateTime, formatMessageTime } from '../format/format-time';
import type { Action } from '../hooks/use-action';
import { useLatest } from '../hooks/use-latest';
import { usePageVisible } from '../hooks/use-page-visible';
import type { ConversationState, OutgoingMessage } from './conversation-state';
import { useT } from '../i18n/use-t';

/** Within this many pixels of the end counts as reading the newest messages. */
const NEAR_END_PX = 48;

export interface MessageListProps {
  state: ConversationState;
  userId: string;
  /** The other member's name, for screen readers and the list's name. */
  otherName: string;
  earlier: Action;
  /** Whether the room is live (joined): read marks can be sent. */
  live: boolean;
  onLoadEarlier(): void;
  onRetry(clientId: string): void;
  /** The newest message of the other member is on screen: it and everything before it are read. */
  onSeen(messageId: string): void;
}

/**
 * The conversation, oldest at the top, in a scrolling box that follows new messages while the reader
 * is at the end and keeps its place when earlier ones are loaded above. Bodies are text, never HTML.
 */
export function MessageList({
  state,
  userId,
  otherName,
  earlier,
  live,
  onLoadEarlier,
  onRetry,
  onSeen,
}: MessageListProps) {
  const t = useT();
  const { messages, outgoing, hasMore, otherReadId } = state;
  const scroller = useRef<HTMLDivElement>(null);
  const end = useRef<HTMLDivElement>(null);
  const atEnd = useRef(true);
  const [endVisible, setEndVisible] = useState(false);
  const pageVisible = usePageVisible();

  const firstId = messages[0]?.id;
  const last = outgoing.at(-1) ?? messages.at(-1);
  const lastKey = last && 'id' in last ? last.id : last?.clientId;
  const lastIsMine = Boolean(last && (!('id' in last) || last.senderId === userId));
  // Nothing shown yet: the first layout opens the conversation at its newest message.
  const previous = useRef<{ firstId?: string; lastKey?: string; height: number }>({ height: 0 });

  // Follow new messages at the end; keep the reader's place when older ones arrive above.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const before = previous.current;
    if (before.lastKey !== lastKey && (atEnd.current || lastIsMine)) box.scrollTop = box.scrollHeight;
    else if (before.firstId !== firstId && before.height > 0)
      box.scrollTop += box.scrollHeight - before.height;
    previous.current = { firstId, lastKey, height: box.scrollHeight };
  });

  useEffect(() => {
    const box = scroller.current;
    const marker = end.current;
    if (!box || !marker) return undefined;
    const observer = new IntersectionObserver(([entry]) => setEndVisible(Boolean(entry?.isIntersecting)), {
      root: box,
    });
    observer.observe(marker);
    return () => observer.disconnect();
  }, []);

  const newestFromThem = messages.findLast((message) => message.senderId !== userId)?.id;
  const seen = useLatest(onSeen);
  useEffect(() => {
    if (newestFromThem && endVisible && pageVisible && live) seen.current(newestFromThem);
  }, [newestFromThem, endVisible, pageVisible, live, seen]);

  const scrolled = () => {
    const box = scroller.current;
    if (!box) return;
    atEnd.current = box.scrollHeight - box.scrollTop - box.clientHeight < NEAR_END_PX;
    // Scrolling up to the top loads the page before it, as the button does.
    if (box.scrollTop < NEAR_END_PX && hasMore && !earlier.busy && !earlier.error) onLoadEarlier();
  };

  const lastOwnId = messages.findLast((message) => message.senderId === userId)?.id;
  const newestIncoming = messages.at(-1)?.senderId === userId ? undefined : messages.at(-1);

  return (
    <>
      <div
        ref={scroller}
        className="message-scroller"
        role="region"
        aria-label={t('Messages with {{name}}', { name: otherName })}
        tabIndex={0}
        onScroll={scrolled}
      >
        {hasMore && (
          <div className="load-earlier">
            <FormError message={earlier.error?.message} />
            <Button variant="quiet" busy={earlier.busy} onClick={onLoadEarlier}>
              {t('Load earlier messages')}
            </Button>
          </div>
        )}
        {messages.length === 0 && outgoing.length === 0 ? (
          <p className="muted message-empty">No messages yet. Say hello to {otherName}.</p>
        ) : (
          <ol className="message-list">
            {messages.map((message) => (
              <StoredMessage
                key={message.id}
                message={message}
                mine={message.senderId === userId}
                senderName={message.senderId === userId ? 'You' : otherName}
                receipt={
                  message.id === lastOwnId
                    ? otherReadId && otherReadId >= message.id
                      ? 'Read'
                      : 'Sent'
                    : undefined
                }
              />
            ))}
            {outgoing.map((message) => (
              <PendingMessage key={message.clientId} message={message} onRetry={onRetry} />
            ))}
          </ol>
        )}
        <div ref={end} className="message-end" />
      </div>
      {/* New messages from the other member are announced; history loading above is not. */}
      <p className="visually-hidden" aria-live="polite">
        {newestIncoming ? `${otherName}: ${newestIncoming.body}` : ''}
      </p>
    </>
  );
}

interface StoredMessageProps {
  message: ChatMessageView;
  mine: boolean;
  senderName: string;
  /** "Sent" or "Read", on the viewer's own latest message. */
  receipt?: 'Sent' | 'Read';
}

function StoredMessage({ message, mine, senderName, receipt }: StoredMessageProps) {
  return (
    <li className={mine ? 'message message-mine' : 'message'}>
      <span className="visually-hidden">{senderName}: </span>
      <p className="message-body">{message.body}</p>
      <p className="message-meta">
        <time dateTime={message.createdAt} title={formatDateTime(message.createdAt)}>
          {formatMessageTime(message.createdAt)}
        </time>
        {receipt && <span className={`message-receipt receipt-${receipt.toLowerCase()}`}>{receipt}</span>}
      </p>
    </li>
  );
}

interface PendingMessageProps {
  message: OutgoingMessage;
  onRetry(clientId: string): void;
}

function PendingMessage({ message, onRetry }: PendingMessageProps) {
  const t = useT();
  const failed = message.state === 'failed';
  return (
    <li className={failed ? 'message message-mine message-failed' : 'message message-mine message-sending'}>
      <span className="visually-hidden">{t('You:')} </span>
      <p className="message-body">{message.body}</p>
      {failed ? (
        <div className="message-meta message-problem">
          <p role="alert">Not sent{message.error && <span className="muted">. {message.error}</span>}</p>
          <Button variant="quiet" onClick={() => onRetry(message.clientId)}>
            {t('Retry')}
          </Button>
        </div>
      ) : (
        <p className="message-meta">{t('Sending…')}</p>
      )}
    </li>
  );
}
