import type { CallRecordView } from '@arogyam/contracts';
import { formatDateTime, formatTime } from '../format/format-time';
import { useT } from '../i18n/use-t';

const OUTCOMES: Record<CallRecordView['outcome'], string> = {
  completed: 'Completed',
  missed: 'Missed',
  declined: 'Declined',
  dropped: 'Dropped (a connection was lost)',
};

const WHO: Record<string, string> = { doctor: 'Doctor', patient: 'Patient' };

/** `12 min 5 s`, `45 s`. */
function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/** One line for a table: `2 calls: Completed 12 min 5 s, Missed`; '—' without calls. */
export function callRecordsSummary(calls: readonly CallRecordView[] | undefined): string {
  if (!calls?.length) return '—';
  const each = calls.map((call) =>
    call.startedAt
      ? `${OUTCOMES[call.outcome]} ${formatDuration(call.durationSeconds)}`
      : OUTCOMES[call.outcome],
  );
  return `${calls.length === 1 ? '1 call' : `${calls.length} calls`}: ${each.join(', ')}`;
}

/** An appointment's video calls, oldest first: when, how long, who joined, how each ended. */
export function CallRecords({ calls }: { calls: readonly CallRecordView[] | undefined }) {
  const t = useT();
  if (!calls?.length) return null;
  return (
    <section className="card" aria-labelledby="call-records-title">
      <h2 id="call-records-title">{t('Video calls')}</h2>
      <ol className="call-records" aria-label={t('Video calls')}>
        {calls.map((call) => (
          <li key={call.id} className="call-record">
            <p>
              <strong>{OUTCOMES[call.outcome]}</strong> · {formatDateTime(call.startedAt ?? call.ringingAt)}
              {call.startedAt && (
                <>
                  {' '}
                  to {formatTime(call.endedAt)} · {formatDuration(call.durationSeconds)}
                </>
              )}
            </p>
            <p className="muted">Joined: {call.joined.map((party) => WHO[party] ?? party).join(', ')}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
