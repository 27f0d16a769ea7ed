import { useBookingPolicy } from '../booking-policy';
import { translate, useT } from '@arogyam/ui';

const hoursText = (hours: number) =>
  hours === 1 ? translate('1 hour') : translate('{{hours}} hours', { hours });

/**
 * The refund rule, said before a patient books: payment-service refunds a patient's cancellation
 * unless it is late (appointment-service's window), and always refunds a doctor's.
 */
export function CancellationPolicy() {
  const t = useT();
  const policy = useBookingPolicy();
  if (!policy.data) return null;
  const window = hoursText(policy.data.lateCancellationHours);
  return (
    <p className="policy-note">
      <strong>{t('Cancellation:')}</strong>{' '}
      {t(
        'free up to {{window}} before the start, and a paid fee is refunded in full. Cancel later and the fee is kept. If the doctor cancels, you always get it back.',
        { window },
      )}
    </p>
  );
}

/** The same rule applied to one appointment, said before the patient confirms a cancellation. */
export function CancellationOutcome({ startAt }: { startAt: string }) {
  const t = useT();
  const policy = useBookingPolicy();
  if (!policy.data) return null;
  const hours = policy.data.lateCancellationHours;
  const late = Date.parse(startAt) - Date.now() < hours * 3_600_000;
  return late ? (
    <p className="policy-note policy-note-warning">
      {t('This is less than {{window}} before the start: if you paid, the fee will not be refunded.', {
        window: hoursText(hours),
      })}
    </p>
  ) : (
    <p className="policy-note">
      {t('This is more than {{window}} before the start: if you paid, the fee is refunded in full.', {
        window: hoursText(hours),
      })}
    </p>
  );
}
