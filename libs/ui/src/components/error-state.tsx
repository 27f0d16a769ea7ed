import { Button } from './button';

export interface ErrorStateProps {
  title?: string;
  message: string;
  /** Offered as a "Try again" button when the failure may be temporary. */
  onRetry?: () => void;
}

export function ErrorState({ title = 'Something went wrong', message, onRetry }: ErrorStateProps) {
  return (
    <div role="alert" className="state state-error">
      <p className="state-title">{title}</p>
      <p className="state-body">{message}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
