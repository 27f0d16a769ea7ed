import { useT, Button, SelectField, TextField } from '@arogyam/ui';
import { useState, type FormEvent } from 'react';
import type { CaseStudyFilters } from '../case-study-filters';

const SORTS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'most_read', label: 'Most read first' },
] as const;

interface CaseStudySearchFormProps {
  filters: CaseStudyFilters;
  onSearch(filters: CaseStudyFilters): void;
}

export function CaseStudySearchForm({ filters, onSearch }: CaseStudySearchFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(filters);
  const [shown, setShown] = useState(filters);

  // Back/forward changes the URL's filters: show those instead of a stale draft.
  if (JSON.stringify(filters) !== JSON.stringify(shown)) {
    setShown(filters);
    setDraft(filters);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(draft);
  };

  return (
    <form className="filters" role="search" aria-label={t('Search case studies')} onSubmit={submit}>
      <TextField
        label={t('Words')}
        name="q"
        type="search"
        placeholder={t('e.g. syncope')}
        value={draft.q}
        onChange={(event) => setDraft({ ...draft, q: event.target.value })}
      />
      <TextField
        label={t('Specialty')}
        name="specialty"
        placeholder={t('e.g. Cardiology')}
        value={draft.specialty}
        onChange={(event) => setDraft({ ...draft, specialty: event.target.value })}
      />
      <TextField
        label={t('Tag')}
        name="tag"
        placeholder={t('e.g. heart block')}
        value={draft.tag}
        onChange={(event) => setDraft({ ...draft, tag: event.target.value })}
      />
      <SelectField
        label={t('Sort')}
        name="sort"
        options={SORTS}
        value={draft.sort}
        onChange={(event) =>
          setDraft({ ...draft, sort: event.target.value === 'most_read' ? 'most_read' : 'newest' })
        }
      />
      <Button type="submit">{t('Search')}</Button>
    </form>
  );
}
