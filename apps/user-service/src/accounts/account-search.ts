import { phoneSearchDigits, searchKey } from '@arogyam/contracts';
import { EMAIL_PREFIX_LENGTH, emailKey, nameWordKey } from './account-search-keys';
import type { AccountMatch } from './account.repository';

/** What an admin's search text asks for: a phone number's ending (patient-service knows those), or keys. */
export type AccountSearch = { phoneDigits: string } | { match: AccountMatch };

/**
 * Reads the search text: digits (and `+`, spaces, dashes, brackets) are a phone number or its
 * end; text with `@` an email's beginning; anything else the beginnings of name words (each
 * word must match one) or, one word, of the email too.
 */
export function accountSearchOf(text: string): AccountSearch {
  const phoneDigits = phoneSearchDigits(text);
  if (phoneDigits) return { phoneDigits };
  const trimmed = text.trim();
  if (trimmed.includes('@')) {
    const email = trimmed.toLowerCase();
    return {
      match: {
        anyKey: [emailKey(email)],
        everyKey: [],
        ...(Array.from(email).length > EMAIL_PREFIX_LENGTH ? { emailStartsWith: email } : {}),
      },
    };
  }
  const words = searchKey(trimmed).split(' ').filter(Boolean);
  // Nothing left once accents are dropped (a lone combining mark): nothing can match.
  if (words.length === 0) return { match: { ids: [] } };
  if (words.length === 1)
    return { match: { anyKey: [nameWordKey(words[0]), emailKey(words[0])], everyKey: [] } };
  return { match: { anyKey: [nameWordKey(words[0])], everyKey: words.slice(1).map(nameWordKey) } };
}
