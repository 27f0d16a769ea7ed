import {
  useT,
  AsyncView,
  EmptyState,
  StatusMessage,
  useAsync,
  type FailedEvent,
  TableRegion,
} from '@arogyam/ui';
import { useState } from 'react';
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
            <TableRegion label={t('Failed events')}>
              <table aria-busy={failed.loading || undefined}>
                <caption className="visually-hidden">{t('Failed events, newest first')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Event')}</th>
                    <th scope="col">{t('Service')}</th>
                    <th scope="col">{t('Why it failed')}</th>
                    <th scope="col">{t('Attempts')}</th>
                    <th scope="col">{t('Given up')}</th>
                    <th scope="col">{t('Actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {events.map((event) => (
                    <FailedEventRow key={event.seq} failed={event} onReplayed={replayed} />
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )
        }
      </AsyncView>
    </>
  );
}
