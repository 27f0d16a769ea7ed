import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import type { ApiClient } from '../api/api-client';
import type { NotificationView } from '../api/types';
import { roomPath } from '../chat/chat-rooms';
import { AsyncView } from '../components/async-view';
import { Button } from '../components/button';
import { FormError } from '../components/form-error';
import { formatDateTime, formatMessageTime } from '../format/format-time';
import { useAction } from '../hooks/use-action';
import { useNotifications } from './use-notifications';
import { useT } from '../i18n/use-t';

export interface NotificationBellProps {
  api: ApiClient;
}

/**
 * The header's bell: "Notifications, N unread", with the count as a badge. It opens a panel of the
 * newest notifications, each with "Mark as read" while unread. The count follows the socket live.
 */
export function NotificationBell({ api }: NotificationBellProps) {
  const t = useT();
  const { inbox, unreadCount, latest, markRead } = useNotifications(api);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  // Escape, or a click or tap outside, closes the panel.
  useEffect(() => {
    if (!open) return undefined;
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    const closeOutside = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', closeOnEscape);
    document.addEventListener('pointerdown', closeOutside);
    return () => {
      document.removeEventListener('keydown', closeOnEscape);
      document.removeEventListener('pointerdown', closeOutside);
    };
  }, [open]);

  return (
    <div className="bell" ref={container}>
      <button
        ref={button}
        type="button"
        className="bell-button"
        aria-label={`Notifications, ${unreadCount} unread`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((shown) => !shown)}
      >
        <BellIcon />
        {unreadCount > 0 && (
          <span className="count-badge bell-count" aria-hidden="true">
            {unreadCount > 99 ? '99+' : unreadCount}
          </span>
        )}
      </button>
      <p className="visually-hidden" aria-live="polite">
        {latest ? t('New notification: {{title}}', { title: latest.title }) : ''}
      </p>
      {open && (
        <section id={panelId} className="notification-panel" aria-labelledby={`${panelId}-title`}>
          <h2 id={`${panelId}-title`} className="notification-panel-title">
            {t('Notifications')}
          </h2>
          <AsyncView
            state={inbox}
            loadingLabel={t('Loading notifications…')}
            errorTitle={t('We could not load your notifications')}
          >
            {(page) =>
              page.items.length === 0 ? (
                <p className="muted">{t('No notifications yet.')}</p>
              ) : (
                <ul className="notification-list">
                  {page.items.map((notification) => (
                    <NotificationItem
                      key={notification.id}
                      notification={notification}
                      onMarkRead={markRead}
                      onOpen={() => setOpen(false)}
                    />
                  ))}
                </ul>
              )
            }
          </AsyncView>
        </section>
      )}
    </div>
  );
}

interface NotificationItemProps {
  notification: NotificationView;
  onMarkRead(notification: NotificationView): Promise<void>;
  /** Its link was followed. */
  onOpen(): void;
}

function NotificationItem({ notification, onMarkRead, onOpen }: NotificationItemProps) {
  const t = useT();
  const marking = useAction();
  // Written by notification-service in the reader's language when it was made (docs/decisions.md, "Languages").
  const { title, body, read, createdAt } = notification;
  const link = linkFor(notification);

  const open = () => {
    if (!read) void onMarkRead(notification).catch(() => undefined);
    onOpen();
  };

  return (
    <li className={read ? 'notification' : 'notification notification-unread'}>
      <p className="notification-title">
        {!read && (
          <>
            <span className="unread-dot" aria-hidden="true" />
            <span className="visually-hidden">{t('Unread:')} </span>
          </>
        )}
        {link ? (
          <Link to={link} onClick={open}>
            {title}
          </Link>
        ) : (
          title
        )}
      </p>
      {body && <p className="notification-body">{body}</p>}
      <p className="notification-meta">
        <time dateTime={createdAt} title={formatDateTime(createdAt)}>
          {formatMessageTime(createdAt)}
        </time>
      </p>
      <FormError message={marking.error?.message} />
      {!read && (
        <Button
          variant="quiet"
          busy={marking.busy}
          onClick={() => marking.run(() => onMarkRead(notification))}
        >
          {t('Mark as read')}
          <span className="visually-hidden">: {title}</span>
        </Button>
      )}
    </li>
  );
}

/** Where a notification leads: its conversation or its appointment. */
function linkFor({ data }: NotificationView): string | undefined {
  if (data.roomId) return roomPath(data.roomId);
  if (data.appointmentId) return `/appointments/${encodeURIComponent(data.appointmentId)}`;
  return undefined;
}

function BellIcon() {
  return (
    <svg
      className="bell-icon"
      viewBox="0 0 24 24"
      width="22"
      height="22"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm0 19a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Z"
        fill="currentColor"
      />
    </svg>
  );
}
