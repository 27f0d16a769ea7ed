import { useT, Button, SelectField, TextField, type SelectOption } from '@arogyam/ui';
import { useState, type FormEvent } from 'react';
import { FILTER_NAMES, rupeesFrom, type Filters } from '../search-filters';

interface SearchFormProps {
  /** The filters of the search being shown (from the URL). */
  filters: Filters;
  onSearch(filters: Filters): void;
}

type TextFilter = 'q' | 'specialization' | 'city' | 'language';

const TEXT_FILTERS: readonly { name: TextFilter; label: string; placeholder: string }[] = [
  { name: 'q', label: 'Search by name', placeholder: 'e.g. Anjali, or heart' },
  { name: 'specialization', label: 'Specialization', placeholder: 'e.g. Cardiology' },
  { name: 'city', label: 'City', placeholder: 'e.g. Pune' },
  { name: 'language', label: 'Language', placeholder: 'e.g. Marathi' },
];

const GENDER_CHOICES: readonly SelectOption[] = [
  { value: '', label: 'Any' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
];

const AVAILABILITY_CHOICES: readonly SelectOption[] = [
  { value: '', label: 'Any time' },
  { value: 'today', label: 'Today' },
  { value: 'week', label: 'This week' },
];

const SORT_CHOICES: readonly SelectOption[] = [
  { value: '', label: 'Best match' },
  { value: 'soonest', label: 'Soonest available' },
  { value: 'fee', label: 'Fee: low to high' },
  { value: 'rating', label: 'Rating' },
  { value: 'experience', label: 'Experience' },
];

/** Whole rupees, as patients think of fees (the page sends paise). */
const FEE_FILTERS: readonly { name: 'feeFrom' | 'feeTo'; label: string; placeholder: string }[] = [
  { name: 'feeFrom', label: 'Lowest fee (₹)', placeholder: 'e.g. 300' },
  { name: 'feeTo', label: 'Highest fee (₹)', placeholder: 'e.g. 1000' },
];

const CHOICE_FILTERS: readonly {
  name: 'gender' | 'available' | 'sort';
  label: string;
  options: readonly SelectOption[];
}[] = [
  { name: 'gender', label: "Doctor's gender", options: GENDER_CHOICES },
  { name: 'available', label: 'Available', options: AVAILABILITY_CHOICES },
  { name: 'sort', label: 'Sort by', options: SORT_CHOICES },
];

const FEE_ORDER_PROBLEM = 'Enter a highest fee that is not below the lowest.';

export function SearchForm({ filters, onSearch }: SearchFormProps) {
  const t = useT();
  const [draft, setDraft] = useState(filters);
  const [shownFilters, setShownFilters] = useState(filters);
  const [feeProblem, setFeeProblem] = useState<string>();

  // Back/forward navigation changes the URL's filters: show those instead of a stale draft.
  if (FILTER_NAMES.some((name) => filters[name] !== shownFilters[name])) {
    setShownFilters(filters);
    setDraft(filters);
  }

  const set = (name: keyof Filters, value: string) => {
    setDraft({ ...draft, [name]: value });
    if (name === 'feeFrom' || name === 'feeTo') setFeeProblem(undefined);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const from = rupeesFrom(draft.feeFrom);
    const to = rupeesFrom(draft.feeTo);
    if (from !== undefined && to !== undefined && to < from) return setFeeProblem(FEE_ORDER_PROBLEM);
    onSearch(draft);
  };

  return (
    <form className="filters" role="search" aria-label={t('Search doctors')} onSubmit={submit}>
      {TEXT_FILTERS.map(({ name, label, placeholder }) => (
        <TextField
          key={name}
          label={label}
          name={name}
          type={name === 'q' ? 'search' : 'text'}
          placeholder={placeholder}
          value={draft[name]}
          onChange={(event) => set(name, event.target.value)}
        />
      ))}
      {FEE_FILTERS.map(({ name, label, placeholder }) => (
        <TextField
          key={name}
          label={label}
          name={name}
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          placeholder={placeholder}
          value={draft[name]}
          error={name === 'feeTo' ? feeProblem : undefined}
          onChange={(event) => set(name, event.target.value)}
        />
      ))}
      {CHOICE_FILTERS.map(({ name, label, options }) => (
        <SelectField
          key={name}
          label={label}
          name={name}
          options={options}
          value={draft[name]}
          onChange={(event) => set(name, event.target.value)}
        />
      ))}
      <Button type="submit">{t('Search')}</Button>
    </form>
  );
}
