import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsTimeZone, ValidateNested } from 'class-validator';
import { ActorDto } from '../common/actor-message.dto';
import { PageQueryDto } from '../common/page';
import type { NotificationKind } from './notification-views';
import { MaxTextLength, MinTextLength } from '../common/text-length';

/** Query strings carry `'true'`/`'false'`; NATS messages carry booleans. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

/** `GET /api/notifications`: the caller's in-app notifications, newest first. */
export class ListNotificationsQueryDto extends PageQueryDto {
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  unreadOnly?: boolean;
}

/** `notification.inbox.list`. */
export class ListNotificationsMessage {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => ListNotificationsQueryDto)
  query?: ListNotificationsQueryDto;
}

/** `notification.inbox.read`: marks one of the caller's own notifications read. */
export class NotificationIdMessage {
  @ValidateNested()
  @Type(() => ActorDto)
  actor: ActorDto;

  @IsString()
  @MinTextLength(1)
  @MaxTextLength(300)
  notificationId: string;
}

/** Email or SMS on or off per kind; a kind left out keeps its current setting. */
export class NotificationKindSwitchesDto implements Partial<Record<NotificationKind, boolean>> {
  @IsOptional()
  @IsBoolean()
  appointment?: boolean;

  @IsOptional()
  @IsBoolean()
  reminder?: boolean;

  @IsOptional()
  @IsBoolean()
  prescription?: boolean;

  @IsOptional()
  @IsBoolean()
  chat?: boolean;
}

/**
 * `PUT /api/notifications/preferences` (the `body` of `notification.preferences.set`): what is
 * given replaces the current setting, what is left out keeps it.
 */
export class UpdateNotificationPreferencesDto {
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationKindSwitchesDto)
  email?: NotificationKindSwitchesDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => NotificationKindSwitchesDto)
  sms?: NotificationKindSwitchesDto;
}
