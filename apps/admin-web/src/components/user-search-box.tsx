import { TextField, useT } from '@arogyam/ui';
import { useEffect, useState } from 'react';

/** How long typing must pause before the list is asked again. */
const DEBOUNCE_MS = 300;
/** The gateway's limit on `q` (ListUsersQueryDto). */
const MAX_LENGTH = 100;

/**
 * The users list's search: name, email or phone. Asks once typing pauses, so each key press is not
 * a request; the text the list shows results for comes back in `value` (the URL's).
 */
export function UserSearchBox({ value, onSearch }: { value: string; onSearch(text: string): void }) {
  const t = useT();
  const [text, setText] = useState(value);

  // The URL changed by itself (back button, a link): show its text.
  useEffect(() => setText(value), [value]);

  useEffect(() => {
    if (text.trim() === value.trim()) return undefined;
    const timer = window.setTimeout(() => onSearch(text), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, value, onSearch]);

  return (
    <TextField
      label={t('Search users')}
      hint={t('A name, an email, or a phone number or its last digits')}
      name="q"
      type="search"
      autoComplete="off"
      maxLength={MAX_LENGTH}
      value={text}
      onChange={(event) => setText(event.target.value)}
    />
  );
}
