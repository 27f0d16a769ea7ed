import type { ReactNode } from 'react';
import type { CaseStudySummary } from '../api/types';
import { formatDate } from '../format/format-date';
import { CaseStudyTags } from './case-study-tags';
import { readsText } from './reads-text';

interface CaseStudyCardProps {
  caseStudy: CaseStudySummary;
  /** The title as a link to the reader (each app has its own router paths). */
  title: ReactNode;
  children?: ReactNode;
}

/** A case in a list: title, specialty, author, tags, when published and how often read. */
export function CaseStudyCard({ caseStudy, title, children }: CaseStudyCardProps) {
  return (
    <li className="card case-study-card">
      <h3>{title}</h3>
      <p className="case-study-meta">
        {caseStudy.specialty} · {caseStudy.author.fullName}
        {caseStudy.publishedAt && <> · {formatDate(caseStudy.publishedAt)}</>}
        {caseStudy.status === 'published' && <> · {readsText(caseStudy.readCount)}</>}
      </p>
      <CaseStudyTags tags={caseStudy.tags} />
      {children}
    </li>
  );
}
