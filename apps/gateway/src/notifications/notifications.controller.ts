import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ListNotificationsQueryDto,
  NotificationSubjects,
  UpdateNotificationPreferencesDto,
  type NotificationInboxPage,
  type NotificationPreferencesView,
  type NotificationView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';

/** Every signed-in user's own notifications and notification settings (notification-service). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
@UseGuards(JwtAuthGuard)
export class NotificationsController {
  constructor(private readonly services: ServiceClient) {}

  @Get()
  @ApiOperation({ summary: 'Own in-app notifications, newest first, with the unread count' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: ListNotificationsQueryDto,
  ): Promise<NotificationInboxPage> {
    return this.services.send(NotificationSubjects.listInbox, { actor: actorOf(user), query });
  }

  @Get('preferences')
  @ApiOperation({ summary: 'Own time zone and email/SMS switches per kind (in-app is always on)' })
  preferences(@CurrentUser() user: AuthenticatedUser): Promise<NotificationPreferencesView> {
    return this.services.send(NotificationSubjects.getPreferences, { actor: actorOf(user) });
  }

  @Put('preferences')
  @ApiOperation({ summary: 'Change the given settings; those left out keep their value' })
  setPreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdateNotificationPreferencesDto,
  ): Promise<NotificationPreferencesView> {
    return this.services.send(NotificationSubjects.setPreferences, { actor: actorOf(user), body });
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one own notification read (404 for anyone else’s)' })
  read(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id') notificationId: string,
  ): Promise<NotificationView> {
    return this.services.send(NotificationSubjects.readInbox, { actor: actorOf(user), notificationId });
  }
}
