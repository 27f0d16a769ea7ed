import { useEffect, useState } from 'react';
import { nullIfNotFound, toApiError, useAsync, type ApiError, type DataExportView } from '@arogyam/ui';
import { api } from './session';

/** How often a running export's progress is asked for (there is no push for it). */
const POLL_MS = 1000;

const running = (view: DataExportView | null | undefined): boolean =>
  view?.status === 'queued' || view?.status === 'running';

export interface DataExportState {
  /** The latest export (null: none yet; undefined: still loading). */
  current: DataExportView | null | undefined;
  loading: boolean;
  loadError: ApiError | undefined;
  reload(): void;
  /** Starts an export (or gets the one running) and follows it. */
  start(): Promise<void>;
}

/** The patient's latest data export, followed every second while it runs. */
export function useDataExport(): DataExportState {
  const latest = useAsync(
    (signal) => nullIfNotFound(api.get<DataExportView>('/patients/me/data-export', { signal })),
    [],
  );
  const [current, setCurrent] = useState<DataExportView | null | undefined>(undefined);
  const shown = current !== undefined ? current : latest.data;

  useEffect(() => {
    if (!shown || !running(shown)) return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<DataExportView>(`/patients/me/data-export/${encodeURIComponent(shown.id)}`, {
          signal: controller.signal,
        })
        .then(setCurrent, (error: unknown) => {
          // A failed look is tried again on the next tick; only a lost export is shown as such.
          if (!controller.signal.aborted && toApiError(error).code === 'not_found') setCurrent(null);
        });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [shown]);

  return {
    current: shown,
    loading: latest.loading,
    loadError: latest.error,
    reload: latest.reload,
    start: async () => setCurrent(await api.post<DataExportView>('/patients/me/data-export', {})),
  };
}
