import { useT } from '../i18n/use-t';
/** A case's tags as a labelled list of chips; nothing when it has none. */
export function CaseStudyTags({ tags }: { tags: string[] }) {
  const t = useT();
  if (tags.length === 0) return null;
  return (
    <ul className="case-study-tags" aria-label={t('Tags')}>
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  );
}
