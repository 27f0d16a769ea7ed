import { Controller, Get, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import {
  AuditSearchQueryDto,
  AuditSubjects,
  PageQueryDto,
  type AuditEntryView,
  type AuditVerification,
  type Page,
  type RecordAccessView,
} from '@arogyam/contracts';
import { CurrentUser, JwtAuthGuard, Roles, RolesGuard, type AuthenticatedUser } from '@arogyam/auth';
import { ServiceClient } from '../http/service-client';
import { actorOf } from '../identity/actor';
import { ActorNames } from './actor-names';
import { auditCsvHeader, auditCsvRows } from './audit-csv';

/** The most rows one export holds; narrow the search (dates, patient) for more. */
export const AUDIT_EXPORT_MAX_ROWS = 10_000;
const EXPORT_PAGE = 100;

/** The audit trail (audit-service): a patient's "who viewed my records", admins' search and export. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller()
@UseGuards(JwtAuthGuard, RolesGuard)
export class AuditController {
  constructor(
    private readonly services: ServiceClient,
    private readonly names: ActorNames,
  ) {}

  @Get('patients/me/audit')
  @Roles('patient')
  @ApiOperation({ summary: 'Who reached my records (others than me), newest first' })
  async whoViewed(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: PageQueryDto,
  ): Promise<Page<RecordAccessView>> {
    const page = await this.services.send<Page<AuditEntryView>>(AuditSubjects.listOwn, {
      actor: actorOf(user),
      query,
    });
    const names = await this.names.of(page.items);
    return {
      ...page,
      items: page.items.map((entry) => ({
        id: entry.id,
        occurredAt: entry.occurredAt,
        actorRole: entry.actorRole,
        ...(names.has(entry.actorId) ? { actorName: names.get(entry.actorId) } : {}),
        kind: entry.kind,
        resourceId: entry.resourceId,
        action: entry.action,
        outcome: entry.outcome,
      })),
    };
  }

  @Get('admin/audit')
  @Roles('admin')
  @ApiOperation({ summary: 'Search the audit trail by patient, actor, kind and dates, newest first' })
  search(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AuditSearchQueryDto,
  ): Promise<Page<AuditEntryView>> {
    return this.services.send(AuditSubjects.search, { actor: actorOf(user), query });
  }

  @Get('admin/audit/export.csv')
  @Roles('admin')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: `The search as CSV (page and limit ignored; at most ${AUDIT_EXPORT_MAX_ROWS} rows)`,
  })
  async export(
    @CurrentUser() user: AuthenticatedUser,
    @Query() query: AuditSearchQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const actor = actorOf(user);
    const pages: AuditEntryView[][] = [];
    // Every page is asked before the first byte is sent, so a failure is still a clean error answer.
    for (let page = 1; (page - 1) * EXPORT_PAGE < AUDIT_EXPORT_MAX_ROWS; page++) {
      const found = await this.services.send<Page<AuditEntryView>>(AuditSubjects.search, {
        actor,
        query: { ...query, page, limit: EXPORT_PAGE },
      });
      pages.push(found.items);
      if (found.items.length < EXPORT_PAGE) break;
    }
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="audit-trail.csv"');
    res.send(auditCsvHeader() + pages.map(auditCsvRows).join(''));
  }

  @Get('admin/audit/verify')
  @Roles('admin')
  @ApiOperation({ summary: "Walk every chain of the trail; names each chain's first broken link" })
  verify(): Promise<AuditVerification> {
    return this.services.send(AuditSubjects.verify, {}, 60_000);
  }
}
