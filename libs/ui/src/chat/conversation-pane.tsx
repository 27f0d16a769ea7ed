import { useEffect } from 'react';
import type { ApiClient } from '../api/api-client';
import type { ChatMessageView, ChatRoomView } from '../api/types';
import { EmptyState } from '../components/empty-state';
import { ErrorState } from '../components/error-state';
import { FormError } from '../components/form-error';
import { Loading } from '../components/loading';
import { useAsync } from '../hooks/use-async';
import { otherMember } from './chat-rooms';
import { MessageComposer } from './message-composer';
import { MessageList } from './message-list';
import { useConversation } from './use-conversation';
import { useTyping } from './use-typing';
import { useT } from '../i18n/use-t';

export interface ConversationPaneProps {
  api: ApiClient;
  roomId: string;
  userId: string;
  /** The room's newest stored message changed (for the room list's preview). */
  onNewest?(message: ChatMessageView): void;
  /** The viewer has read the room up to its newest message. */
  onRead?(roomId: string): void;
}

/** One room: its messages, who is typing, and the composer. Key it by `roomId`. */
export function ConversationPane({ api, roomId, userId, onNewest, onRead }: ConversationPaneProps) {
  const t = useT();
  const room = useAsync(
    (signal) => api.get<ChatRoomView>(`/chat/rooms/${encodeURIComponent(roomId)}`, { signal }),
    [roomId],
  );
  const conversation = useConversation(api, roomId, userId);
  const typing = useTyping(roomId, userId, conversation.joined);
  const { markRead, showReadPointers } = conversation;

  // After a reload the read ticks come from the room's stored pointers, not from a `chat:read`.
  useEffect(() => {
    if (room.data) showReadPointers(room.data.readPointers);
  }, [room.data]);

  const newest = conversation.state.messages.at(-1);
  useEffect(() => {
    if (newest) onNewest?.(newest);
    // Only a new newest message is news for the list.
  }, [newest?.id]);

  const seen = (messageId: string) => {
    markRead(messageId);
    onRead?.(roomId);
  };

  const failure = room.error ?? conversation.history.error;
  if (failure?.statusCode === 404) {
    return (
      <EmptyState title={t('Conversation not found')}>
        <p>{t('This conversation does not exist, or it is not one of yours.')}</p>
      </EmptyState>
    );
  }
  if (failure) {
    const retry = room.error ? room.reload : conversation.history.reload;
    return (
      <ErrorState
        title={t('We could not load this conversation')}
        message={failure.message}
        onRetry={retry}
      />
    );
  }
  if (!room.data || conversation.history.loading) return <Loading label={t('Loading the conversation…')} />;

  const other = otherMember(room.data, userId);
  return (
    <div className="conversation">
      <h2 className="conversation-title">{other.fullName}</h2>
      <MessageList
        state={conversation.state}
        userId={userId}
        otherName={other.fullName}
        earlier={conversation.earlier}
        live={conversation.joined}
        onLoadEarlier={conversation.loadEarlier}
        onRetry={conversation.retry}
        onSeen={seen}
      />
      <p className="typing-indicator" aria-live="polite">
        {typing.otherTyping ? `${other.fullName} is typing…` : ''}
      </p>
      <FormError message={conversation.joinError} />
      <MessageComposer
        onTyping={typing.noteTyping}
        onSend={(body) => {
          typing.stopTyping();
          conversation.send(body);
        }}
      />
    </div>
  );
}
