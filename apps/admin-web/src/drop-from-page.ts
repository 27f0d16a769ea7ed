import type { Page } from '@arogyam/ui';

/**
 * A loaded page without the item an admin just decided on (it left the queue), for
 * `useAsync().setData`: the rest stay where they are, the total one less.
 */
export const dropFromPage =
  <T extends { id: string }>(id: string) =>
  (current: Page<T> | undefined): Page<T> | undefined =>
    current && {
      ...current,
      items: current.items.filter((item) => item.id !== id),
      total: Math.max(0, current.total - 1),
    };
