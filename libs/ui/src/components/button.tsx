import type { ButtonHTMLAttributes } from 'react';
import { useT } from '../i18n/use-t';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** While an action runs: the button is disabled (no double submits) and shows a spinner. */
  busy?: boolean;
}

export function Button({
  variant = 'primary',
  busy = false,
  disabled,
  className,
  children,
  type,
  ...rest
}: ButtonProps) {
  const t = useT();
  return (
    <button
      {...rest}
      type={type ?? 'button'}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      {typeof children === 'string' ? t(children) : children}
    </button>
  );
}
