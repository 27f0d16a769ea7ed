import {
  useT,
  AsyncView,
  DateFilter,
  EmptyState,
  TimeZoneNote,
  formatDate,
  localDateKey,
  useAppointmentPushes,
  useAsync,
  useDateParam,
  useSocketEvent,
  type Appointment,
  type AppointmentQueue,
  type VideoWaitingView,
} from '@arogyam/ui';
import { QueueItem } from '../components/queue-item';
import { api } from '../session';

export function QueuePage() {
  const t = useT();
  const [date, setDate] = useDateParam();
  const queue = useAsync(
    async (signal) =>
      (await api.get<AppointmentQueue>('/doctors/me/queue', { query: { date }, signal })).items,
    [date],
  );
  // A booking, a patient's check-in or a cancellation shows at once: the day is read again.
  useAppointmentPushes(queue.reload, queue.reload);
  const heading =
    date === localDateKey() ? t("Today's queue") : t('Queue for {{date}}', { date: formatDate(date) });

  // Show the server's answer in place; without one (or after a 409), load the day again.
  const changed = (updated?: Appointment) => {
    if (updated?.id)
      queue.setData((entries) => entries?.map((entry) => (entry.id === updated.id ? updated : entry)));
    else queue.reload();
  };

  // Who is in the video waiting room, as it happens (the queue's own copy follows by event).
  useSocketEvent<VideoWaitingView>('call:waiting', (view) =>
    queue.setData((entries) =>
      entries?.map((entry) =>
        entry.id === view.appointmentId
          ? { ...entry, waitingSince: view.waiting ? (view.since ?? new Date().toISOString()) : undefined }
          : entry,
      ),
    ),
  );

  return (
    <>
      <title>{`${heading} · Arogyam for Doctors`}</title>
      <h1>{heading}</h1>
      <TimeZoneNote />
      <DateFilter value={date} onChange={setDate} />
      <AsyncView
        state={queue}
        loadingLabel={t('Loading the queue…')}
        errorTitle={t('We could not load the queue')}
      >
        {(entries) =>
          entries.length === 0 ? (
            <EmptyState title={t('No appointments on this day.')} />
          ) : (
            <ol
              className="review-list"
              aria-label={t('Appointments on {{date}}', { date: formatDate(date) })}
              aria-busy={queue.loading || undefined}
            >
              {entries.map((entry) => (
                <QueueItem key={entry.id} entry={entry} onChanged={changed} />
              ))}
            </ol>
          )
        }
      </AsyncView>
    </>
  );
}
