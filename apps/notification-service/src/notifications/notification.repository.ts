import { Injectable } from '@nestjs/common';
import { InjectModel, type ModelDefinition } from '@nestjs/mongoose';
import type { FilterQuery, Model } from 'mongoose';
import type { PatientDataPage } from '@arogyam/contracts';
import {
  countMatching,
  findPage,
  insertEachOnce,
  patientDataPage,
  utcHour,
  type PageWindow,
} from '@arogyam/persistence';
import { Notification, NotificationSchema } from './notification.schema';
import { toNotificationView } from './notification-views';

const NEWEST_FIRST = { createdAt: -1, _id: 1 } as const;

// A user's inbox, newest first (`pageOfInbox`).
NotificationSchema.index({ userId: 1, channel: 1, createdAt: -1, _id: 1 });
// Its unread part (`pageOfInbox` unread only, `unreadCountOf`, `unreadChatOfRoom`).
NotificationSchema.index({ userId: 1, channel: 1, read: 1, createdAt: -1, _id: 1 });
// The retention sweep, by the hour they were made (`deleteReadMadeBefore`, `deleteSentMadeBefore`).
NotificationSchema.index({ createdHour: 1, channel: 1, read: 1 });
// The retention sweep, by the hour they were marked read (`deleteReadLateMadeBefore`).
NotificationSchema.index({ markedReadHour: 1 });
// A single notification is read and written by `_id` (`findOwn`, `markReadOwn`, `markFailed`, ...).

export const notificationModel: ModelDefinition = { name: Notification.name, schema: NotificationSchema };

/** A notification as a channel makes it; the read state and the time buckets are the repository's. */
export type NewNotification = Omit<Notification, 'read' | 'readAt' | 'markedReadHour' | 'createdHour'>;

/** A user's inbox: their in-app notifications (email and SMS records are not in it). */
const inboxOf = (userId: string): FilterQuery<Notification> => ({ userId, channel: 'inApp' });

/** What the bell counts: the inbox's notifications not marked read. */
const unreadInboxOf = (userId: string): FilterQuery<Notification> => ({ ...inboxOf(userId), read: false });

/** Marks read: `read` and `readAt` in one write, with the hour of the marking for the sweep. */
const markedRead = (readAt: Date, markedAt: Date) => ({
  $set: { read: true, readAt, markedReadHour: utcHour(markedAt) },
});

/**
 * Every read and write of `notifications`. The inbox's queries read one user's in-app
 * notifications (the unread ones, for the count and the unread page): those read are deleted
 * NOTIFICATION_RETENTION_DAYS after they were made, those unread stay until read.
 */
@Injectable()
export class NotificationRepository {
  constructor(@InjectModel(Notification.name) private readonly notifications: Model<Notification>) {}

  /**
   * Stores each notification unless one with its `_id` exists, in one write, and answers the ids
   * this call stored. The insert is the claim of a notice on a channel (a repeat finds the `_id`
   * taken); an event's notices are claimed together.
   */
  storeEachOnce(notifications: NewNotification[]): Promise<Set<string>> {
    return insertEachOnce(
      this.notifications,
      notifications.map((notification) => ({
        ...notification,
        ...(notification.channel === 'inApp' ? { read: false } : {}),
        createdHour: utcHour(notification.createdAt),
      })),
    );
  }

  async markFailed(notificationId: string, error: string): Promise<void> {
    await this.notifications.updateOne({ _id: notificationId }, { $set: { status: 'failed', error } }).exec();
  }

  /** Deletes the record of a send that did not happen, so a retry may claim it again. */
  async withdraw(notificationId: string): Promise<void> {
    await this.notifications.deleteOne({ _id: notificationId }).exec();
  }

  /** A page of the user's inbox (or of its unread part), newest first, and how many it holds. */
  pageOfInbox(
    userId: string,
    unreadOnly: boolean,
    window: PageWindow,
  ): Promise<{ documents: Notification[]; total: number }> {
    const filter = unreadOnly ? unreadInboxOf(userId) : inboxOf(userId);
    return findPage(this.notifications, filter, NEWEST_FIRST, window);
  }

  unreadCountOf(userId: string): Promise<number> {
    return countMatching(this.notifications, unreadInboxOf(userId));
  }

  /** The user's own in-app notification, or null. */
  findOwn(userId: string, notificationId: string): Promise<Notification | null> {
    return this.notifications
      .findOne({ ...inboxOf(userId), _id: notificationId })
      .lean<Notification>()
      .exec();
  }

  /**
   * Marks the user's own notification read unless it is, and answers it as marked (null when it
   * was read already or is not theirs). One write: the retention sweep may delete a notification
   * the moment it is read (one read only after it grew old), so a second read could miss it.
   */
  markReadOwn(userId: string, notificationId: string, readAt: Date): Promise<Notification | null> {
    return this.notifications
      .findOneAndUpdate({ ...unreadInboxOf(userId), _id: notificationId }, markedRead(readAt, readAt), {
        new: true,
      })
      .lean<Notification>()
      .exec();
  }

  /** The user's unread chat notifications of the room, with the message each is about. */
  unreadChatOfRoom(userId: string, roomId: string): Promise<Pick<Notification, '_id' | 'data'>[]> {
    return this.notifications
      .find({ ...unreadInboxOf(userId), kind: 'chat', 'data.roomId': roomId }, { data: 1 })
      .lean<Pick<Notification, '_id' | 'data'>[]>()
      .exec();
  }

  /** Marks those of `ids` still unread as read at `readAt`; the marking itself happens at `markedAt`. */
  async markRead(ids: string[], readAt: Date, markedAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.notifications
      .updateMany({ _id: { $in: ids }, read: false }, markedRead(readAt, markedAt))
      .exec();
  }

  /**
   * Deletes the read in-app notifications made before `cutoff`, among those made in `hours`:
   * those that were read before they grew old.
   */
  async deleteReadMadeBefore(cutoff: Date, hours: string[]): Promise<number> {
    return this.deleteWhere(hours, {
      createdHour: { $in: hours },
      channel: 'inApp',
      read: true,
      createdAt: { $lt: cutoff },
    });
  }

  /**
   * Deletes the read in-app notifications made before `cutoff`, among those marked read in
   * `hours`: those that were already old when read.
   */
  async deleteReadLateMadeBefore(cutoff: Date, hours: string[]): Promise<number> {
    return this.deleteWhere(hours, {
      markedReadHour: { $in: hours },
      channel: 'inApp',
      read: true,
      createdAt: { $lt: cutoff },
    });
  }

  /** Deletes the email and SMS records made before `cutoff`, among those made in `hours`. */
  async deleteSentMadeBefore(cutoff: Date, hours: string[]): Promise<number> {
    return this.deleteWhere(hours, {
      createdHour: { $in: hours },
      channel: { $in: ['email', 'sms'] },
      createdAt: { $lt: cutoff },
    });
  }

  private async deleteWhere(hours: string[], filter: FilterQuery<Notification>): Promise<number> {
    if (hours.length === 0) return 0;
    return (await this.notifications.deleteMany(filter).exec()).deletedCount;
  }

  /** Every notification sent to the person (in the app, by email and SMS), for their data export. */
  exportPage(userId: string, cursor: string | undefined): Promise<PatientDataPage> {
    return patientDataPage(this.notifications, { userId }, cursor, (notification) => ({
      channel: notification.channel,
      ...toNotificationView(notification),
    }));
  }
}
