import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';

/** A search form whose filters live in the URL: what is shown, and what is being typed until Search. */
export interface SearchFilters<F extends { page: number }> {
  /** The filters of the results shown (the URL's). */
  filters: F;
  /** The form's values, searched on submit. */
  draft: F;
  /** Changes whenever the URL's filters do: the results' load depends on it. */
  key: string;
  /** Shows these filters (and page). */
  show(next: F): void;
  /** The form's submit: the draft, from page 1. */
  search(event: FormEvent): void;
  /** A field's onChange, into the draft. */
  edit(field: keyof F): (event: { target: { value: string } }) => void;
}

export function useSearchFilters<F extends { page: number }>(
  read: (params: URLSearchParams) => F,
  write: (filters: F) => Record<string, string>,
): SearchFilters<F> {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = read(searchParams);
  const [draft, setDraft] = useState<F>(filters);
  const show = (next: F) => setSearchParams(write(next));
  return {
    filters,
    draft,
    key: searchParams.toString(),
    show,
    search: (event) => {
      event.preventDefault();
      show({ ...draft, page: 1 });
    },
    edit: (field) => (event) => setDraft({ ...draft, [field]: event.target.value }),
  };
}
