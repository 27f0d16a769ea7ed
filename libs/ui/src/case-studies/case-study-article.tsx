import type { CaseStudyView } from '../api/types';
import { formatDate } from '../format/format-date';
import { CaseStudyTags } from './case-study-tags';
import { readsText } from './reads-text';

const SECTIONS = [
  ['presentation', 'Presentation'],
  ['investigations', 'Investigations'],
  ['diagnosis', 'Diagnosis'],
  ['treatment', 'Treatment'],
  ['outcome', 'Outcome'],
  ['learningPoints', 'Learning points'],
] as const;

interface CaseStudyArticleProps {
  caseStudy: CaseStudyView;
  /** The heading level of the title: 1 on a page of its own, 2 inside another page. */
  level?: 1 | 2;
}

/** A case as readers see it: title, author, tags, its sections (empty ones left out) and images. */
export function CaseStudyArticle({ caseStudy, level = 1 }: CaseStudyArticleProps) {
  const Title = level === 1 ? 'h1' : 'h2';
  const Section = level === 1 ? 'h2' : 'h3';
  return (
    <article className="case-study" aria-labelledby={`case-${caseStudy.id}-title`}>
      <Title id={`case-${caseStudy.id}-title`}>{caseStudy.title}</Title>
      <p className="case-study-meta">
        {caseStudy.specialty} · by {caseStudy.author.fullName}
        {caseStudy.publishedAt && <> · published {formatDate(caseStudy.publishedAt)}</>}
        {caseStudy.status === 'published' && <> · {readsText(caseStudy.readCount)}</>}
      </p>
      <CaseStudyTags tags={caseStudy.tags} />
      {SECTIONS.filter(([field]) => caseStudy[field].trim() !== '').map(([field, label]) => (
        <section key={field}>
          <Section>{label}</Section>
          <p className="case-study-text">{caseStudy[field]}</p>
        </section>
      ))}
      {caseStudy.images.map((image, index) => (
        <figure key={index} className="case-study-figure">
          <img src={image.dataUrl} alt={image.caption} />
          <figcaption>{image.caption}</figcaption>
        </figure>
      ))}
    </article>
  );
}
