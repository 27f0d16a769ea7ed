import { useT } from '../i18n/use-t';
export interface FormErrorProps {
  message?: string | null;
}

/** Banner for problems that belong to the whole form (wrong password, suspended account, throttling). */
export function FormError({ message }: FormErrorProps) {
  const t = useT();
  if (!message) return null;
  return (
    <div role="alert" className="form-error">
      {t(message)}
    </div>
  );
}
