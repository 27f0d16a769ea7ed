import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ListNotificationsMessage,
  NotificationIdMessage,
  NotificationSubjects,
  type NotificationInboxPage,
  type NotificationView,
} from '@arogyam/contracts';
import { InboxService } from './inbox.service';

@Controller()
export class InboxHandler {
  constructor(private readonly inbox: InboxService) {}

  @MessagePattern(NotificationSubjects.listInbox)
  list(@Payload() message: ListNotificationsMessage): Promise<NotificationInboxPage> {
    return this.inbox.list(message.actor, message.query);
  }

  @MessagePattern(NotificationSubjects.readInbox)
  read(@Payload() message: NotificationIdMessage): Promise<NotificationView> {
    return this.inbox.markRead(message.actor, message.notificationId);
  }
}
