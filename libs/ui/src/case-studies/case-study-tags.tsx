/** A case's tags as a labelled list of chips; nothing when it has none. */
export function CaseStudyTags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="case-study-tags" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>{tag}</li>
      ))}
    </ul>
  );
}
