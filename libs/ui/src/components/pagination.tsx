import { useT } from '../i18n/use-t';
import type { Page } from '../api/types';
import { Button } from './button';

export interface PaginationProps {
  /** The loaded page: its number (1-based, as the API counts), size, total and whether the count stopped at it. */
  of: Pick<Page<unknown>, 'page' | 'limit' | 'total' | 'totalIsLowerBound'>;
  onPageChange(page: number): void;
}

export function Pagination({ of, onPageChange }: PaginationProps) {
  const t = useT();
  const { page, limit, total, totalIsLowerBound = false } = of;
  const pageCount = Math.max(1, Math.ceil(total / Math.max(1, limit)));
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('Pagination')}>
      <Button
        variant="secondary"
        aria-label={t('Previous page')}
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
      >
        {t('Previous')}
      </Button>
      <span className="pagination-status">
        {t('Page {{page}} of {{count}}', { page, count: `${pageCount}${totalIsLowerBound ? '+' : ''}` })}
      </span>
      <Button
        variant="secondary"
        aria-label={t('Next page')}
        disabled={page >= pageCount}
        onClick={() => onPageChange(page + 1)}
      >
        {t('Next')}
      </Button>
    </nav>
  );
}
