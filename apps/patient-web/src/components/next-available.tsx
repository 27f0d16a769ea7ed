import { useT, formatDateTime } from '@arogyam/ui';

/**
 * "Next available: Tue 8 Dec, 10:30" from the gateway's `nextAvailableAt`: nothing while it is
 * unknown (appointment-service did not answer), a plain sentence when nothing is free soon.
 */
export function NextAvailable({ at }: { at: string | null | undefined }) {
  const t = useT();
  if (at === undefined) return null;
  return (
    <p className="next-available">
      {at ? (
        <>
          {t('Next available:')} <strong>{formatDateTime(at)}</strong>
        </>
      ) : (
        t('No free times in the next two weeks')
      )}
    </p>
  );
}
