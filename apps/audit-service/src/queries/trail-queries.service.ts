import { Injectable } from '@nestjs/common';
import {
  requireRole,
  type Actor,
  type AuditEntryView,
  type AuditSearchQueryDto,
  type Page,
  type PageQueryDto,
} from '@arogyam/contracts';
import { pageWindow, toPage } from '@arogyam/persistence';
import { AuditEntryRepository } from '../trail/audit-entry.repository';
import { toAuditEntryView } from './audit-views';

@Injectable()
export class TrailQueriesService {
  constructor(private readonly entries: AuditEntryRepository) {}

  /** A patient's "who viewed my records": others' accesses to her data, newest first. */
  async listOwn(actor: Actor, query: PageQueryDto = {}): Promise<Page<AuditEntryView>> {
    requireRole(actor, 'patient');
    const window = pageWindow(query);
    const { documents, total } = await this.entries.pageForPatient(actor.userId, window);
    return toPage(documents.map(toAuditEntryView), total, window);
  }

  /** Admins' search by patient, actor, kind and instants (`to` exclusive), newest first. */
  async search(actor: Actor, query: AuditSearchQueryDto = {}): Promise<Page<AuditEntryView>> {
    requireRole(actor, 'admin');
    const window = pageWindow(query);
    const { documents, total, totalIsLowerBound } = await this.entries.search(
      {
        patientId: query.patientId,
        actorId: query.actorId,
        kind: query.kind,
        from: query.from ? new Date(query.from) : undefined,
        to: query.to ? new Date(query.to) : undefined,
      },
      window,
    );
    return toPage(documents.map(toAuditEntryView), total, window, totalIsLowerBound);
  }
}
