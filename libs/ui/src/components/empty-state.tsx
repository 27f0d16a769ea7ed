import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
}

/** A list that loaded fine but has nothing in it, with a hint about what to do next. */
export function EmptyState({ title, children }: EmptyStateProps) {
  const t = useT();
  return (
    <div className="state state-empty">
      <p className="state-title">{t(title)}</p>
      {children && <div className="state-body">{children}</div>}
    </div>
  );
}
