import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, requireRole, type Actor, type DataExportView } from '@arogyam/contracts';
import { AuditTrail } from '@arogyam/persistence';
import { DataExportRepository } from './data-export.repository';
import { DataExportRunner } from './data-export-runner';
import { toDataExportView } from './data-export-views';
import { EXPORT_PLAN } from './export-plan';

const NO_EXPORT = 'No such data export.';
const AUDIT_UNAVAILABLE = 'Your export cannot be started right now; please try again shortly.';

/**
 * A patient's exports of their own data: only the patient starts and sees theirs (another's id is
 * 404, as if there were none). One runs at a time: starting while one runs answers that one.
 */
@Injectable()
export class DataExportsService {
  constructor(
    private readonly exports: DataExportRepository,
    private readonly runner: DataExportRunner,
    private readonly audit: AuditTrail,
  ) {}

  async start(actor: Actor): Promise<DataExportView> {
    requireRole(actor, 'patient');
    const running = await this.exports.findRunning(actor.userId);
    if (running) return toDataExportView(running);
    const exportId = randomUUID();
    const job = await this.exports.insertRunning({
      _id: exportId,
      patientId: actor.userId,
      runningKey: actor.userId,
      status: 'queued',
      steps: EXPORT_PLAN.map(({ name, service }) => ({ name, service, status: 'waiting', items: 0 })),
      done: 0,
      total: EXPORT_PLAN.length + 1,
      heartbeatAt: new Date(),
    });
    if (!job) {
      // Another instance started one a moment ago.
      const other = await this.exports.findRunning(actor.userId);
      if (!other) throw DomainError.conflict('An export was just started; please look again.');
      return toDataExportView(other);
    }
    // The trail says the patient took everything out; without the trace, nothing is gathered.
    try {
      await this.audit.record({
        actor,
        patientId: actor.userId,
        kind: 'data_export',
        resourceId: exportId,
        action: 'read',
        outcome: 'allowed',
      });
    } catch (error) {
      await this.exports.failed(exportId, AUDIT_UNAVAILABLE);
      throw error;
    }
    void this.runner.run(job);
    return toDataExportView(job);
  }

  /** The export of that id, or the latest when none is named. */
  async get(actor: Actor, exportId?: string): Promise<DataExportView> {
    requireRole(actor, 'patient');
    const job = exportId
      ? await this.exports.findOwn(actor.userId, exportId)
      : await this.exports.latestOf(actor.userId);
    if (!job) throw DomainError.notFound(NO_EXPORT);
    return toDataExportView(job);
  }
}
