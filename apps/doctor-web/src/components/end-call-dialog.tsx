import { useT, Button, FormError } from '@arogyam/ui';
import { useState } from 'react';

interface EndCallDialogProps {
  /** Ends the call; with `complete`, the consultation is marked completed as well. */
  onEnd(complete: boolean): Promise<void>;
  onCancel(): void;
}

/** "End the call": and complete the consultation, or just end the call (a follow-up call may come), or go back. */
export function EndCallDialog({ onEnd, onCancel }: EndCallDialogProps) {
  const t = useT();
  const [busy, setBusy] = useState<'complete' | 'end' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const end = (complete: boolean) => {
    setBusy(complete ? 'complete' : 'end');
    setError(null);
    onEnd(complete).catch((thrown: Error) => {
      setError(thrown.message);
      setBusy(null);
    });
  };
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="end-call-title" className="card end-call-dialog">
      <h2 id="end-call-title">{t('End the call?')}</h2>
      <p>
        {t('Is the consultation complete? Completing it closes the appointment; you can still add notes.')}
      </p>
      <FormError message={error ?? undefined} />
      <div className="row-actions">
        <Button
          variant="danger"
          autoFocus
          busy={busy === 'complete'}
          disabled={busy !== null}
          onClick={() => end(true)}
        >
          {t('End and complete the consultation')}
        </Button>
        <Button variant="secondary" busy={busy === 'end'} disabled={busy !== null} onClick={() => end(false)}>
          {t('End the call only')}
        </Button>
        <Button variant="quiet" disabled={busy !== null} onClick={onCancel}>
          {t('Keep talking')}
        </Button>
      </div>
    </div>
  );
}
