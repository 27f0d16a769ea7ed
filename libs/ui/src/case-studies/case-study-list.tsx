import type { ReactNode } from 'react';
import type { CaseStudySummary } from '../api/types';
import { EmptyState } from '../components/empty-state';
import { PagedView, type PagedViewProps } from '../components/paged-view';

export interface CaseStudyListProps extends Omit<PagedViewProps<CaseStudySummary>, 'children' | 'empty'> {
  /** The list's accessible name. */
  label: string;
  /** The empty state's heading, and its hint below. */
  emptyTitle: string;
  emptyHint: string;
  /** One case as a keyed list item, usually a <CaseStudyCard>. */
  children(caseStudy: CaseStudySummary): ReactNode;
}

/** A page of case studies as a list (each app shows its own cards), or its loading, error or empty state. */
export function CaseStudyList({ label, emptyTitle, emptyHint, children, ...view }: CaseStudyListProps) {
  return (
    <PagedView {...view} empty={<EmptyState title={emptyTitle}>{emptyHint}</EmptyState>}>
      {(items) => (
        <ul className="case-study-list" aria-label={label}>
          {items.map((caseStudy) => children(caseStudy))}
        </ul>
      )}
    </PagedView>
  );
}
