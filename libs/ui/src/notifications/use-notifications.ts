import { useState } from 'react';
import type { ApiClient } from '../api/api-client';
import type { NotificationInboxPage, NotificationView, NotificationsReadView } from '../api/types';
import { useAsync, type AsyncState } from '../hooks/use-async';
import { useReconnected, useSocketEvent } from '../socket/socket-provider';

/** How many of the newest notifications the bell lists. */
const SHOWN = 20;

export interface Notifications {
  inbox: AsyncState<NotificationInboxPage>;
  /** Unread notifications of the user, all of them (not only those listed). */
  unreadCount: number;
  /** The last notification pushed while the page was open, to announce. */
  latest: NotificationView | null;
  /** Marks one read on the server and counts it off; resolves once the server agreed. */
  markRead(notification: NotificationView): Promise<void>;
}

/**
 * The signed-in user's in-app notifications: the newest page from the server, then each new one as the
 * socket pushes it, and each marked read elsewhere (another tab, or a chat room read) as the socket
 * says so. A push missed while disconnected is still in the inbox, so a reconnect loads it again.
 */
export function useNotifications(api: ApiClient): Notifications {
  const inbox = useAsync(
    (signal) => api.get<NotificationInboxPage>('/notifications', { query: { limit: SHOWN }, signal }),
    [],
  );
  const { setData } = inbox;
  const [latest, setLatest] = useState<NotificationView | null>(null);

  useSocketEvent<NotificationView>('notification', (pushed) => {
    setLatest(pushed);
    setData((page) => {
      if (!page || page.items.some((item) => item.id === pushed.id)) return page;
      return {
        ...page,
        items: [pushed, ...page.items].slice(0, SHOWN),
        total: page.total + 1,
        unreadCount: page.unreadCount + (pushed.read ? 0 : 1),
      };
    });
  });
  // The server's count after the marks is the truth: the listed items are only the newest few.
  useSocketEvent<NotificationsReadView>('notification:read', ({ ids, readAt, unreadCount }) => {
    const marked = new Set(ids);
    setData(
      (page) =>
        page && {
          ...page,
          items: page.items.map((item) =>
            marked.has(item.id) && !item.read ? { ...item, read: true, readAt } : item,
          ),
          unreadCount,
        },
    );
  });
  useReconnected(inbox.reload);

  const markRead = async (notification: NotificationView) => {
    const updated = await api.post<NotificationView>(
      `/notifications/${encodeURIComponent(notification.id)}/read`,
    );
    setData((page) => {
      const before = page?.items.find((item) => item.id === updated.id);
      if (!page || !before) return page;
      return {
        ...page,
        items: page.items.map((item) => (item.id === updated.id ? updated : item)),
        unreadCount: before.read ? page.unreadCount : Math.max(0, page.unreadCount - 1),
      };
    });
  };

  return { inbox, unreadCount: inbox.data?.unreadCount ?? 0, latest, markRead };
}
