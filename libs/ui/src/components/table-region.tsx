import type { ReactNode } from 'react';

/**
 * A table that may scroll sideways on a phone: a named region that takes keyboard focus, so
 * people who do not use a pointer can scroll it too (axe: scrollable-region-focusable).
 */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
