import {
  useT,
  Button,
  FormError,
  formatDateTime,
  useAction,
  type FailedEvent,
  type ReplayAnswer,
} from '@arogyam/ui';
import { useState } from 'react';
import { api } from '../session';

interface FailedEventRowProps {
  failed: FailedEvent;
  /** Called when the service took the event, so the list can reload and announce it. */
  onReplayed(message: string): void;
}

/** One failed event, with a replay that hands it back to its service. */
export function FailedEventRow({ failed, onReplayed }: FailedEventRowProps) {
  const t = useT();
  const action = useAction();
  const [refusal, setRefusal] = useState<string | null>(null);

  const replay = () =>
    action.run(async () => {
      setRefusal(null);
      const answer = await api.post<ReplayAnswer>(`/admin/dead-letters/${failed.seq}/replay`);
      if (answer.handled)
        onReplayed(
          t('{{event}} was handled by {{service}} and removed from the list.', {
            event: failed.eventType,
            service: failed.service,
          }),
        );
      else
        setRefusal(
          t('{{service}} refused it again: {{reason}}', {
            service: failed.service,
            reason: answer.reason ?? t('no reason given'),
          }),
        );
    });

  return (
    <tr>
      <th scope="row">
        {failed.eventType}
        <div className="muted">{failed.eventId}</div>
      </th>
      <td>{failed.service}</td>
      <td>{failed.reason}</td>
      <td>{failed.deliveries}</td>
      <td>
        <time dateTime={failed.deadAt}>{formatDateTime(failed.deadAt)}</time>
      </td>
      <td>
        <FormError message={action.error?.message ?? refusal} />
        <Button variant="secondary" busy={action.busy} onClick={replay}>
          {t('Replay')}
        </Button>
      </td>
    </tr>
  );
}
