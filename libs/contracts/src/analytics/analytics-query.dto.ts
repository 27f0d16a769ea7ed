import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { ActorPart } from '../common/actor-message.dto';
import { IsCalendarDate, IsIanaTimeZone } from '../appointments/time-formats';

/** The longest range one report covers (a year and a day, so a leap year fits). */
export const ANALYTICS_MAX_RANGE_DAYS = 366;

/** The tables of a report, each exportable as CSV (`GET /api/admin/analytics/<table>.csv`). */
export const ANALYTICS_TABLES = [
  'days',
  'weeks',
  'money',
  'signups',
  'specialties',
  'hours',
  'utilisation',
  'ratings',
] as const;
export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number];

/**
 * `GET /api/admin/analytics`: local dates `from` to `to`, both included, in the admin's `tz`.
 * The order of the dates and the range's length are checked by analytics-service (400).
 */
export class AnalyticsQueryDto {
  @IsCalendarDate()
  from: string;

  @IsCalendarDate()
  to: string;

  @IsIanaTimeZone()
  tz: string;
}

export class AnalyticsReportMessage extends ActorPart {
  @ValidateNested()
  @Type(() => AnalyticsQueryDto)
  query: AnalyticsQueryDto;
}

/** `GET /api/admin/analytics/export.csv`: one table of the report as CSV. */
export class AnalyticsExportQueryDto extends AnalyticsQueryDto {
  @IsIn(ANALYTICS_TABLES)
  table: AnalyticsTable;
}

/** The rebuild carries only its caller: admins only. */
export class AnalyticsRebuildMessage extends ActorPart {}
