import {
  useT,
  Button,
  ErrorState,
  FormError,
  Loading,
  StatusMessage,
  formatDateTime,
  formatFileSize,
  saveFile,
  useAction,
  type DataExportView,
} from '@arogyam/ui';
import { api } from '../session';
import { useDataExport } from '../use-data-export';

/** What the live region says for each state: announced once when it changes, not on every tick. */
const ANNOUNCED: Record<DataExportView['status'], string> = {
  queued: 'Your export has started.',
  running: 'Gathering your data…',
  ready: 'Your data is ready to download.',
  failed: 'Your export did not finish.',
  expired: 'Your last export has expired.',
};

function ExportProgress({ view }: { view: DataExportView }) {
  const t = useT();
  const { done, total } = view.progress;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const current = view.steps.find((step) => step.status === 'running');
  return (
    <div className="stack">
      <div
        className="export-progress"
        role="progressbar"
        aria-label={t('Export progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={t('{{done}} of {{total}} steps done', { done, total })}
      >
        <div className="export-progress-bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted">
        {current
          ? t('Gathering {{file}} ({{done}} of {{total}})', { file: current.name, done, total })
          : t('{{done}} of {{total}} steps done', { done, total })}
      </p>
    </div>
  );
}

function ReadyExport({ view }: { view: DataExportView }) {
  const t = useT();
  const download = useAction();
  const fileName = view.fileName ?? 'arogyam-export.zip';
  return (
    <div className="stack">
      <Button
        busy={download.busy}
        onClick={() =>
          download.run(async () =>
            saveFile(
              await api.download(
                `/patients/me/data-export/${encodeURIComponent(view.id)}/download`,
                fileName,
              ),
            ),
          )
        }
      >
        {t('Download {{file}} ({{size}})', { file: fileName, size: formatFileSize(view.size ?? 0) })}
      </Button>
      {view.expiresAt && (
        <p className="muted">{t('Available until {{time}}.', { time: formatDateTime(view.expiresAt) })}</p>
      )}
      <FormError message={download.error?.message} />
    </div>
  );
}

/**
 * "Your data": the patient downloads everything Arogyam holds about them, as one archive built in
 * the background (docs/api.md, "Your data"), with its progress while it is gathered.
 */
export function YourDataPage() {
  const t = useT();
  const exports = useDataExport();
  const start = useAction();
  const view = exports.current;
  const running = view?.status === 'queued' || view?.status === 'running';

  return (
    <section className="card narrow stack">
      <title>{`${t('Your data')} · Arogyam`}</title>
      <h1>{t('Your data')}</h1>
      <p className="page-intro">
        {t(
          'Download everything Arogyam holds about you: your account, profiles, health records and their files, appointments, prescriptions, messages, payments, notifications, reviews and who viewed your records, as one zip file.',
        )}
      </p>
      {exports.loading && view === undefined && <Loading label="Loading your data exports…" />}
      {exports.loadError && (
        <ErrorState
          title="We could not load your data exports"
          message={exports.loadError.message}
          onRetry={exports.reload}
        />
      )}
      <StatusMessage message={view ? ANNOUNCED[view.status] : ''} />
      {view && running && <ExportProgress view={view} />}
      {view?.status === 'ready' && <ReadyExport view={view} />}
      {view?.status === 'failed' && (
        <p role="alert" className="form-error">
          {t(view.failure ?? 'Your export did not finish.')}
        </p>
      )}
      {!running && view !== undefined && (
        <div className="form-actions">
          <Button
            variant={view?.status === 'ready' ? 'secondary' : 'primary'}
            busy={start.busy}
            onClick={() => start.run(exports.start)}
          >
            {view?.status === 'ready' ? t('Make a new download') : t('Download my data')}
          </Button>
        </div>
      )}
      <FormError message={start.error?.message} />
    </section>
  );
}
