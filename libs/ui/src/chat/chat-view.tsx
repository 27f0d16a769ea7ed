import { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import type { ChatMessageView, ChatRoomView, NotificationView } from '../api/types';
import { useSession } from '../auth/session-context';
import { AsyncView } from '../components/async-view';
import { EmptyState } from '../components/empty-state';
import { useAsync } from '../hooks/use-async';
import { ConnectionStatusNote } from '../socket/connection-status';
import { useReconnected, useSocketEvent } from '../socket/socket-provider';
import { ChatRoomList } from './chat-room-list';
import { ConversationPane } from './conversation-pane';
import { useT } from '../i18n/use-t';

export interface ChatViewProps {
  api: ApiClient;
  /** Suffix of the document title, e.g. "Arogyam for Doctors". */
  appName: string;
}

/**
 * The Messages page of the patient and doctor apps (`/messages` and `/messages/:roomId`): the
 * viewer's rooms beside the open conversation, and the state of the realtime connection.
 */
export function ChatView({ api, appName }: ChatViewProps) {
  const t = useT();
  const { user } = useSession();
  const userId = user?.id ?? '';
  const { roomId } = useParams();
  const rooms = useAsync((signal) => api.get<ChatRoomView[]>('/chat/rooms', { signal }), []);
  const { setData } = rooms;

  // Only the open room is joined: news of the others comes as chat notifications.
  useSocketEvent<NotificationView>('notification', (notification) => {
    if (notification.kind === 'chat') rooms.reload();
  });
  useReconnected(rooms.reload);

  const showNewest = useCallback(
    (message: ChatMessageView) => setData((list) => list && withLastMessage(list, message)),
    [setData],
  );
  const showRead = useCallback(
    (readRoomId: string) => setData((list) => list && withoutUnread(list, readRoomId)),
    [setData],
  );

  return (
    <>
      <title>{`Messages · ${appName}`}</title>
      <div className="page-heading">
        <h1>{t('Messages')}</h1>
        <ConnectionStatusNote />
      </div>
      <div className="chat-layout">
        <nav className="card chat-rooms" aria-label={t('Conversations')}>
          <AsyncView
            state={rooms}
            loadingLabel={t('Loading conversations…')}
            errorTitle={t('We could not load your conversations')}
          >
            {(list) =>
              list.length === 0 ? (
                <EmptyState title={t('No conversations yet.')}>
                  <p>{t('A conversation opens when an appointment is booked.')}</p>
                </EmptyState>
              ) : (
                <ChatRoomList rooms={list} userId={userId} activeRoomId={roomId} />
              )
            }
          </AsyncView>
        </nav>
        <section className="card chat-pane" aria-label={t('Conversation')}>
          {roomId ? (
            <ConversationPane
              key={roomId}
              api={api}
              roomId={roomId}
              userId={userId}
              onNewest={showNewest}
              onRead={showRead}
            />
          ) : (
            <EmptyState title={t('Choose a conversation')}>
              <p>{t('Pick a conversation from the list to read and send messages.')}</p>
            </EmptyState>
          )}
        </section>
      </div>
    </>
  );
}

/** The room list with the message as its room's last one, that room first (most recently active). */
function withLastMessage(rooms: ChatRoomView[], message: ChatMessageView): ChatRoomView[] {
  const room = rooms.find((candidate) => candidate.id === message.roomId);
  if (!room || (room.lastMessage && room.lastMessage.id >= message.id)) return rooms;
  const { id, senderId, body, createdAt } = message;
  const updated = { ...room, lastMessage: { id, senderId, body, createdAt } };
  return [updated, ...rooms.filter((candidate) => candidate !== room)];
}

function withoutUnread(rooms: ChatRoomView[], roomId: string): ChatRoomView[] {
  if (!rooms.some((room) => room.id === roomId && room.unreadCount > 0)) return rooms;
  return rooms.map((room) => (room.id === roomId ? { ...room, unreadCount: 0 } : room));
}
