import { useState } from 'react';
import {
  useT,
  Button,
  EmptyState,
  FormError,
  HealthRecordItem,
  PagedView,
  StatusMessage,
  useAction,
  useAsync,
  type HealthRecord,
  type Page,
} from '@arogyam/ui';
import { HealthRecordUpload } from '../components/health-record-upload';
import { RecordSharingControl } from '../components/record-sharing-control';
import { api } from '../session';
import { sharingWords, useMyDoctors } from '../use-my-doctors';

const recordPath = (record: HealthRecord) => `/patients/me/health-records/${encodeURIComponent(record.id)}`;

/** The patient's own documents: add, list, download, share, delete. */
export function HealthRecordsPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const [status, setStatus] = useState('');
  // Without the list of doctors, records can still be shared with all of them or with nobody.
  const doctors = useMyDoctors().data ?? [];
  const records = useAsync(
    (signal) => api.get<Page<HealthRecord>>('/patients/me/health-records', { query: { page }, signal }),
    [page, version],
  );
  const reload = (message: string) => {
    setStatus(message);
    setVersion((current) => current + 1);
  };

  return (
    <section className="stack">
      <title>{t('Health records · Arogyam')}</title>
      <h1>{t('Health records')}</h1>
      <p className="muted">
        {t('Keep lab reports, scans and discharge summaries in one place, and share them with your doctors.')}
      </p>
      <StatusMessage message={status} />
      <HealthRecordUpload
        doctors={doctors}
        onUploaded={(record) => {
          setPage(1);
          reload(t('“{{title}}” was added.', { title: record.title }));
        }}
      />
      <section aria-labelledby="records-heading">
        <h2 id="records-heading">{t('Your records')}</h2>
        <PagedView
          state={records}
          loadingLabel={t('Loading your records…')}
          errorTitle={t('We could not load your records')}
          empty={<EmptyState title={t('No records yet.')}>{t('Add your first report above.')}</EmptyState>}
          onPageChange={setPage}
        >
          {(items) => (
            <ul className="review-list" aria-label={t('Your health records')}>
              {items.map((record) => (
                <HealthRecordItem
                  key={record.id}
                  api={api}
                  record={record}
                  filePath={`${recordPath(record)}/file`}
                  sharing={sharingWords(record.sharing, doctors)}
                  actions={
                    <>
                      <RecordSharingControl
                        record={record}
                        doctors={doctors}
                        onChanged={(changed) =>
                          reload(
                            changed.sharing.mode === 'none'
                              ? t('“{{title}}” is no longer shared with any doctor.', {
                                  title: changed.title,
                                })
                              : t('“{{title}}” is now shared with: {{doctors}}.', {
                                  title: changed.title,
                                  doctors: sharingWords(changed.sharing, doctors),
                                }),
                          )
                        }
                      />
                      <DeleteRecord
                        record={record}
                        onDeleted={() => reload(t('“{{title}}” was deleted.', { title: record.title }))}
                      />
                    </>
                  }
                />
              ))}
            </ul>
          )}
        </PagedView>
      </section>
    </section>
  );
}

/** Delete, asked once more ("Yes, delete"): a deleted record and its file cannot come back. */
function DeleteRecord({ record, onDeleted }: { record: HealthRecord; onDeleted(): void }) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const remove = useAction();
  if (!asking) {
    return (
      <Button variant="quiet" onClick={() => setAsking(true)}>
        Delete<span className="visually-hidden"> {record.title}</span>
      </Button>
    );
  }
  return (
    <div className="confirm-panel" role="group" aria-label={`Delete ${record.title}?`}>
      <p>Delete “{record.title}” and its file? This cannot be undone.</p>
      <FormError message={remove.error?.message} />
      <div className="form-actions">
        <Button
          variant="danger"
          busy={remove.busy}
          onClick={() =>
            remove.run(async () => {
              await api.del(recordPath(record));
              onDeleted();
            })
          }
        >
          {t('Yes, delete')}
        </Button>
        <Button variant="secondary" disabled={remove.busy} onClick={() => setAsking(false)}>
          {t('Keep it')}
        </Button>
      </div>
    </div>
  );
}
