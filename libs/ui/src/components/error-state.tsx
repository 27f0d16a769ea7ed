import { Button } from './button';
import { useT } from '../i18n/use-t';

export interface ErrorStateProps {
  title?: string;
  message: string;
  /** Offered as a "Try again" button when the failure may be temporary. */
  onRetry?: () => void;
}

export function ErrorState({ title = 'Something went wrong', message, onRetry }: ErrorStateProps) {
  const t = useT();
  return (
    <div role="alert" className="state state-error">
      <p className="state-title">{t(title)}</p>
      <p className="state-body">{t(message)}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('Try again')}
        </Button>
      )}
    </div>
  );
}
