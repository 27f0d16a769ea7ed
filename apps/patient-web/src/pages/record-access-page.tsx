import { useState } from 'react';
import {
  useT,
  EmptyState,
  PagedView,
  formatDateTime,
  useAsync,
  type Page,
  type RecordAccess,
} from '@arogyam/ui';
import { recordAccessInWords } from '../record-access-words';
import { api } from '../session';

/** "Who viewed my records": everyone else who opened, changed or tried to open her data, newest first. */
export function RecordAccessPage() {
  const t = useT();
  const [page, setPage] = useState(1);
  const accesses = useAsync(
    (signal) => api.get<Page<RecordAccess>>('/patients/me/audit', { query: { page }, signal }),
    [page],
  );

  return (
    <section className="stack">
      <title>{t('Who viewed my records · Arogyam')}</title>
      <h1>{t('Who viewed my records')}</h1>
      <p className="muted">
        {t(
          'Every time a doctor or anyone else opens or changes your notes, prescriptions, records or messages, it is listed here, newest first. Your own visits are not.',
        )}
      </p>
      <PagedView
        state={accesses}
        loadingLabel={t('Loading who viewed your records…')}
        errorTitle={t('We could not load who viewed your records')}
        empty={<EmptyState title={t('No one has opened your records yet.')} />}
        onPageChange={setPage}
      >
        {(items) => (
          <ul className="review-list" aria-label={t('Who viewed my records')}>
            {items.map((access) => (
              <li
                key={access.id}
                className={access.outcome === 'denied' ? 'record-access refused' : 'record-access'}
              >
                <span>{recordAccessInWords(access)}</span>{' '}
                <time className="muted" dateTime={access.occurredAt}>
                  {formatDateTime(access.occurredAt)}
                </time>
              </li>
            ))}
          </ul>
        )}
      </PagedView>
    </section>
  );
}
