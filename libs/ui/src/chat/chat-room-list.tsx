import { Link } from 'react-router-dom';
import type { ChatRoomView } from '../api/types';
import { formatMessageTime } from '../format/format-time';
import { otherMember, roomPath } from './chat-rooms';
import { useT } from '../i18n/use-t';

export interface ChatRoomListProps {
  rooms: readonly ChatRoomView[];
  userId: string;
  /** The open room: marked as the current page, and its messages count as being read. */
  activeRoomId?: string;
}

/** The viewer's conversations: the other member, the last message in short, and how many are unread. */
export function ChatRoomList({ rooms, userId, activeRoomId }: ChatRoomListProps) {
  const t = useT();
  return (
    <ul className="room-list" aria-label={t('Conversations')}>
      {rooms.map((room) => {
        const active = room.id === activeRoomId;
        const unread = active ? 0 : room.unreadCount;
        const last = room.lastMessage;
        return (
          <li key={room.id}>
            <Link to={roomPath(room.id)} className="room-link" aria-current={active ? 'page' : undefined}>
              <span className="room-heading">
                <span className="room-name">{otherMember(room, userId).fullName}</span>
                {unread > 0 && (
                  <span className="count-badge">
                    <span aria-hidden="true">{unread}</span>
                    <span className="visually-hidden">, {unread} unread</span>
                  </span>
                )}
              </span>
              <span className="room-preview">
                {last ? (
                  <>
                    {last.senderId === userId && <span className="muted">{t('You:')} </span>}
                    {last.body}
                  </>
                ) : (
                  <span className="muted">{t('No messages yet')}</span>
                )}
              </span>
              {last && (
                <time className="room-time" dateTime={last.createdAt}>
                  {formatMessageTime(last.createdAt)}
                </time>
              )}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
