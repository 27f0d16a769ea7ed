import { Controller, Get, HttpCode, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AnalyticsExportQueryDto,
  AnalyticsQueryDto,
  AnalyticsSubjects,
  type AnalyticsRebuildView,
  type AnalyticsReportView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { DoctorNames } from '../doctors/doctor-names';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { analyticsCsv } from './analytics-csv';

/** A replay of the whole event log may take a while. */
const REBUILD_TIMEOUT_MS = 10 * 60_000;

/** Admins' analytics (analytics-service): the figures of a date range, each table as CSV, the rebuild. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/analytics')
@UseGuards(JwtAuthGuard, RolesGuard)
@Roles('admin')
export class AnalyticsController {
  constructor(
    private readonly services: ServiceClient,
    private readonly doctorNames: DoctorNames,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Consultations by outcome per day and week, revenue, refunds and net, sign-ups, utilisation, ratings, busiest specialties and hours, for local dates from–to in tz',
  })
  report(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AnalyticsQueryDto,
  ): Promise<AnalyticsReportView> {
    return this.named(user, query);
  }

  @Get('export.csv')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary:
      'One table of the report as CSV (table: days, weeks, money, signups, specialties, hours, utilisation, ratings)',
  })
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AnalyticsExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { table, ...range } = query;
    const report = await this.named(user, range);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="analytics-${table}-${report.from}-${report.to}.csv"`,
    );
    res.send(analyticsCsv(report, table));
  }

  @Post('rebuild')
  @HttpCode(200)
  @ApiOperation({ summary: 'Empty the analytics read model and replay its event log (same numbers after)' })
  rebuild(): Promise<AnalyticsRebuildView> {
    return this.services.send(AnalyticsSubjects.rebuild, {}, REBUILD_TIMEOUT_MS);
  }

  /** The report with its doctors' names, which analytics-service does not keep. */
  private async named(user: AuthenticatedUser, query: AnalyticsQueryDto): Promise<AnalyticsReportView> {
    const report = await this.services.send<AnalyticsReportView>(AnalyticsSubjects.report, {
      actor: actorOf(user),
      query: { from: query.from, to: query.to, tz: query.tz },
    });
    const names = await this.doctorNames.of([
      ...report.utilisation.map((row) => row.doctorId),
      ...report.ratings.map((row) => row.doctorId),
    ]);
    const withName = <T extends { doctorId: string }>(row: T): T =>
      names.has(row.doctorId) ? { ...row, doctorName: names.get(row.doctorId) } : row;
    return {
      ...report,
      utilisation: report.utilisation.map(withName),
      ratings: report.ratings.map(withName),
    };
  }
}
