import { useT, AsyncView, EmptyState, StatusMessage, useAsync, type FailedEvent } from '@arogyam/ui';
import { useState } from 'react';
import { DataTable } from '../components/data-table';
import { FailedEventRow } from '../components/failed-event-row';
import { api } from '../session';

/**
 * Events a service gave up on after its retries (ten deliveries over about nine minutes): an
 * operator fixes the cause, then replays each here.
 */
export function FailedEventsPage() {
  const t = useT();
  const [announcement, setAnnouncement] = useState('');
  const failed = useAsync((signal) => api.get<FailedEvent[]>('/admin/dead-letters', { signal }), []);

  const replayed = (message: string) => {
    setAnnouncement(message);
    failed.reload();
  };

  return (
    <>
      <title>{t('Failed events · Arogyam Admin')}</title>
      <h1>{t('Failed events')}</h1>
      <p className="page-intro">
        {t(
          "A service gives up on an event after ten failed attempts over about nine minutes. Find the cause in that service's log (search for the event id), fix it, then replay the event. Replaying is safe: services apply each event once.",
        )}
      </p>
      <StatusMessage message={announcement} />
      <AsyncView
        state={failed}
        loadingLabel={t('Loading failed events…')}
        errorTitle={t('We could not load failed events')}
      >
        {(events) =>
          events.length === 0 ? (
            <EmptyState title={t('No failed events')}>
              <p>{t('Every event was handled.')}</p>
            </EmptyState>
          ) : (
            <DataTable
              label={t('Failed events')}
              caption={t('Failed events, newest first')}
              headings={[
                t('Event'),
                t('Service'),
                t('Why it failed'),
                t('Attempts'),
                t('Given up'),
                t('Actions'),
              ]}
              busy={failed.loading}
            >
              {events.map((event) => (
                <FailedEventRow key={event.seq} failed={event} onReplayed={replayed} />
              ))}
            </DataTable>
          )
        }
      </AsyncView>
    </>
  );
}
