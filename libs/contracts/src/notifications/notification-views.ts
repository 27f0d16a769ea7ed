/** What a notification is about; email and SMS are switched on or off per kind. */
export const NOTIFICATION_KINDS = ['appointment', 'reminder', 'prescription', 'chat'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** In-app is always on; email and SMS follow the user's preferences. */
export const NOTIFICATION_CHANNELS = ['inApp', 'email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** The zone in which times are written for a user who has not chosen one. */
export const DEFAULT_NOTIFICATION_TIME_ZONE = 'Asia/Kolkata';

/** One in-app notification, as listed, pushed over Socket.IO and marked read. */
export interface NotificationView {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  /** Ids a client can link to: `appointmentId`, `prescriptionId`, `roomId`, `messageId`. */
  data: Record<string, string>;
  read: boolean;
  readAt?: string;
  createdAt: string;
}

export interface NotificationInboxPage {
  items: NotificationView[];
  total: number;
  /** Unread in-app notifications of the user, whatever the filter and page. */
  unreadCount: number;
  page: number;
  limit: number;
}

/** `notification:read`: these of the user's notifications are now read; `unreadCount` as it stands after. */
export interface NotificationsReadView {
  ids: string[];
  readAt: string;
  unreadCount: number;
}

export type NotificationKindSwitches = Record<NotificationKind, boolean>;

export interface NotificationPreferencesView {
  /** IANA zone in which the user's notifications give times. */
  timezone: string;
  email: NotificationKindSwitches;
  sms: NotificationKindSwitches;
}
