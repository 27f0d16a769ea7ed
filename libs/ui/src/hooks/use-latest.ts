import { useEffect, useRef } from 'react';

/**
 * A ref holding the value of the latest render: for listeners and timers that must call the current
 * callback (or read the current state) without being registered again on every render.
 */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value);
  useEffect(() => {
    ref.current = value;
  });
  return ref;
}
