import type { DataExportView } from '@arogyam/contracts';
import type { DataExport } from './data-export.schema';

const iso = (value: Date): string => new Date(value).toISOString();

/**
 * Past its expiry an archive is expired to the patient at once, even before the sweep has
 * deleted it (the sweep runs every DATA_EXPORT_SWEEP_SECONDS and at start).
 */
const statusOf = (job: DataExport, now: Date): DataExport['status'] =>
  job.status === 'ready' && job.expiresAt && new Date(job.expiresAt).getTime() <= now.getTime()
    ? 'expired'
    : job.status;

export const toDataExportView = (job: DataExport, now = new Date()): DataExportView => {
  const shown = statusOf(job, now);
  return {
    id: job._id,
    status: shown,
    progress: { done: job.done, total: job.total },
    steps: job.steps.map(({ name, service, status, items }) => ({ name, service, status, items })),
    createdAt: iso(job.createdAt),
    ...(job.readyAt && { readyAt: iso(job.readyAt) }),
    ...(shown === 'ready' && job.expiresAt && { expiresAt: iso(job.expiresAt) }),
    ...(shown === 'ready' && job.size !== undefined && { size: job.size }),
    ...(job.fileName && { fileName: job.fileName }),
    ...(job.failure && { failure: job.failure }),
  };
};
