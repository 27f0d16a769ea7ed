import type { Page } from '@arogyam/contracts';

export interface PageRequest {
  page?: number;
  limit?: number;
}

export interface PageWindow {
  page: number;
  limit: number;
  skip: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageWindow(request: PageRequest, defaultLimit = DEFAULT_PAGE_SIZE): PageWindow {
  const page = Math.max(1, Math.floor(request.page ?? 1));
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(request.limit ?? defaultLimit)));
  return { page, limit, skip: (page - 1) * limit };
}

export const toPage = <T>(
  items: T[],
  total: number,
  window: PageWindow,
  totalIsLowerBound = false,
): Page<T> => ({
  items,
  total,
  page: window.page,
  limit: window.limit,
  ...(totalIsLowerBound ? { totalIsLowerBound: true as const } : {}),
});
