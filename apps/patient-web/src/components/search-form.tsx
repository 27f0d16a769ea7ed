import { useT, Button, TextField } from '@arogyam/ui';
import { useState, type FormEvent } from 'react';
import { FILTER_NAMES, type FilterName, type Filters } from '../search-filters';

interface SearchFormProps {
  /** The filters of the search being shown (from the URL). */
  filters: Filters;
  onSearch(filters: Filters): void;
}

const LABELS: Record<FilterName, string> = {
  q: 'Search by name',
  specialization: 'Specialization',
  city: 'City',
  language: 'Language',
};

const PLACEHOLDERS: Record<FilterName, string> = {
  q: 'e.g. Anjali, or heart',
  specialization: 'e.g. Cardiology',
  city: 'e.g. Pune',
  language: 'e.g. Marathi',
};

export function SearchForm({ filters, onSearch }: SearchFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(filters);
  const [shownFilters, setShownFilters] = useState(filters);

  // Back/forward navigation changes the URL's filters: show those instead of a stale draft.
  if (FILTER_NAMES.some((name) => filters[name] !== shownFilters[name])) {
    setShownFilters(filters);
    setDraft(filters);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(draft);
  };

  return (
    <form className="filters" role="search" aria-label={t('Search doctors')} onSubmit={submit}>
      {FILTER_NAMES.map((name) => (
        <TextField
          key={name}
          label={LABELS[name]}
          name={name}
          type={name === 'q' ? 'search' : 'text'}
          placeholder={PLACEHOLDERS[name]}
          value={draft[name]}
          onChange={(event) => setDraft({ ...draft, [name]: event.target.value })}
        />
      ))}
      <Button type="submit">{t('Search')}</Button>
    </form>
  );
}
