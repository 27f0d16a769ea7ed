import { useT } from '../i18n/use-t';
export interface StatusMessageProps {
  /** The confirmation to announce; empty while there is nothing to say. */
  message: string;
}

/**
 * A polite live region for a success message ("… was approved.", "Your profile has been saved.").
 * It is always rendered, so screen readers are already listening when the message appears.
 */
export function StatusMessage({ message }: StatusMessageProps) {
  const t = useT();
  return (
    <p role="status" className={message ? 'form-success' : undefined}>
      {message && t(message)}
    </p>
  );
}
