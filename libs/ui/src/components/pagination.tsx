import { useT } from '../i18n/use-t';
import { Button } from './button';

export interface PaginationProps {
  /** 1-based, as the API counts pages. */
  page: number;
  limit: number;
  total: number;
  /** The count stopped at `total`: there are more pages than it makes. */
  totalIsLowerBound?: boolean;
  onPageChange(page: number): void;
}

export function Pagination({ page, limit, total, totalIsLowerBound = false, onPageChange }: PaginationProps) {
  const t = useT();
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
