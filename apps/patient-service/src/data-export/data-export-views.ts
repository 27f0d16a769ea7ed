import type { DataExportView } from '@arogyam/contracts';
import type { DataExport } from './data-export.schema';

const iso = (value: Date): string => new Date(value).toISOString();

export const toDataExportView = (job: DataExport): DataExportView => ({
  id: job._id,
  status: job.status,
  progress: { done: job.done, total: job.total },
  steps: job.steps.map(({ name, service, status, items }) => ({ name, service, status, items })),
  createdAt: iso(job.createdAt),
  ...(job.readyAt && { readyAt: iso(job.readyAt) }),
  ...(job.status === 'ready' && job.expiresAt && { expiresAt: iso(job.expiresAt) }),
  ...(job.status === 'ready' && job.size !== undefined && { size: job.size }),
  ...(job.fileName && { fileName: job.fileName }),
  ...(job.failure && { failure: job.failure }),
});
