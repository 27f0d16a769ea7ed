import { Injectable, Logger } from '@nestjs/common';
import type { Actor, PatientDataPage, PatientDataPageMessage } from '@arogyam/contracts';
import { failureSummary, RpcClient } from '@arogyam/messaging';
import { PatientServiceConfig } from '../config/patient-service.config';
import { HealthRecordFiles } from '../health-records/health-record-files';
import { DataExportArchives } from './data-export-archives';
import { DataExportRepository } from './data-export.repository';
import type { DataExport, DataExportStep } from './data-export.schema';
import { archiveFileName, exportArchiveEntries, type RecordFile } from './export-archive-layout';
import { ExportLocalData } from './export-local-data';
import { EXPORT_PLAN, type ExportFilePlan } from './export-plan';
import { zipArchive } from './zip-archive';

const DAY_MS = 86_400_000;
/** A page a service could not answer is asked again after these pauses, then the export fails. */
const RETRY_PAUSES_MS = [1000, 3000];
/** A page may take longer than a screen's request (200 items, some with a lookup each): not a user waiting. */
const PAGE_TIMEOUT_MS = 30_000;
/** A patient with more pages than this in one section is refused rather than gathered forever. */
const MAX_PAGES_PER_SECTION = 10_000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Why an export failed, in the patient's words; the log gets the technical reason (never content). */
export const couldNotGather = (plan: ExportFilePlan): string =>
  `We could not gather your ${plan.name.replace(/\.json$/, '').replace(/-/g, ' ')} data just now. Please start the export again in a few minutes.`;
export const COULD_NOT_FINISH =
  'We could not finish your archive just now. Please start the export again in a few minutes.';

class StepFailed extends Error {
  constructor(
    readonly patientMessage: string,
    cause: Error,
  ) {
    super(cause.message);
  }
}

/**
 * Builds one export in the background, in the instance that started it: asks each owning service
 * for the patient's data, page by page as the patient (each answers only for them), adds the
 * health records' files, zips it all and stores the archive. Progress (and a heartbeat) is written
 * after every page; the sweep fails an export whose instance stopped (data-export-sweep.ts).
 */
@Injectable()
export class DataExportRunner {
  private readonly logger = new Logger(DataExportRunner.name);

  constructor(
    private readonly exports: DataExportRepository,
    private readonly rpc: RpcClient,
    private readonly local: ExportLocalData,
    private readonly recordFiles: HealthRecordFiles,
    private readonly archives: DataExportArchives,
    private readonly config: PatientServiceConfig,
  ) {}

  async run(job: DataExport): Promise<void> {
    const actor: Actor = { userId: job.patientId, role: 'patient' };
    const steps: DataExportStep[] = job.steps.map((step) => ({ ...step }));
    const gathered = new Map<string, unknown>();
    let done = 0;
    try {
      for (const [index, plan] of EXPORT_PLAN.entries()) {
        steps[index].status = 'running';
        await this.exports.progress(job._id, steps, done);
        gathered.set(plan.name, await this.gather(job._id, plan, actor, steps, index, done));
        steps[index].status = 'done';
        done += 1;
        await this.exports.progress(job._id, steps, done);
      }
      const files = await this.healthRecordFiles(gathered.get('health-records.json'));
      const now = new Date();
      const archive = await zipArchive(exportArchiveEntries(job.patientId, now, gathered, files));
      await this.archives.put(job._id, archive);
      const stillWanted = await this.exports.ready(job._id, {
        steps,
        done: done + 1,
        readyAt: now,
        expiresAt: new Date(now.getTime() + this.config.DATA_EXPORT_TTL_DAYS * DAY_MS),
        size: archive.length,
        fileName: archiveFileName(now),
      });
      // The job ended meanwhile (failed by the sweep, or gone with the patient's erasure): nobody
      // will fetch this archive, and nothing else would delete it.
      if (!stillWanted) await this.archives.remove(job._id);
    } catch (error) {
      const failedStep = steps.find((step) => step.status === 'running');
      if (failedStep) failedStep.status = 'failed';
      this.logger.error(
        `Data export ${job._id} failed${failedStep ? ` at ${failedStep.name}` : ''}: ${failureSummary(error)}`,
      );
      const message = error instanceof StepFailed ? error.patientMessage : COULD_NOT_FINISH;
      await this.exports
        .failed(job._id, message, steps)
        .catch((stored: Error) =>
          this.logger.error(`Marking export ${job._id} failed: ${failureSummary(stored)}`),
        );
    }
  }

  /** One file's data, every section paged through to its end. */
  private async gather(
    exportId: string,
    plan: ExportFilePlan,
    actor: Actor,
    steps: DataExportStep[],
    index: number,
    done: number,
  ): Promise<unknown> {
    const sections: Record<string, Record<string, unknown>[]> = {};
    for (const section of plan.sections) {
      const items: Record<string, unknown>[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        if (++pages > MAX_PAGES_PER_SECTION)
          throw new StepFailed(couldNotGather(plan), new Error(`more than ${MAX_PAGES_PER_SECTION} pages`));
        const page = await this.page(plan, actor, section, cursor);
        items.push(...page.items);
        steps[index].items += page.items.length;
        await this.exports.progress(exportId, steps, done);
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      sections[section] = items;
    }
    if (plan.shape === 'object') return sections[plan.sections[0]][0] ?? null;
    if (plan.shape === 'list') return sections[plan.sections[0]];
    return sections;
  }

  private async page(
    plan: ExportFilePlan,
    actor: Actor,
    section: string,
    cursor: string | undefined,
  ): Promise<PatientDataPage> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        if (!plan.subject) return await this.local.page(actor.userId, section, cursor);
        const message: PatientDataPageMessage = { actor, section, ...(cursor !== undefined && { cursor }) };
        return await this.rpc.send<PatientDataPage>(plan.subject, message, { timeoutMs: PAGE_TIMEOUT_MS });
      } catch (error) {
        if (attempt >= RETRY_PAUSES_MS.length) throw new StepFailed(couldNotGather(plan), error as Error);
        await pause(RETRY_PAUSES_MS[attempt]);
      }
    }
  }

  /** The files of the patient's records; one whose bytes are gone is left out (its record stays). */
  private async healthRecordFiles(records: unknown): Promise<RecordFile[]> {
    const files: RecordFile[] = [];
    for (const record of Array.isArray(records) ? (records as { id: string; fileName: string }[]) : []) {
      const bytes = await this.recordFiles.bytes(record.id);
      if (bytes) files.push({ recordId: record.id, fileName: record.fileName, bytes });
    }
    return files;
  }
}
