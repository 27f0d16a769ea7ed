import { useSearchParams } from 'react-router-dom';
import { dateKeyOrUndefined, localDateKey } from '../format/format-time';

/**
 * The day a page shows (a queue, a day's appointments), kept in the URL as `?date=YYYY-MM-DD` so a
 * reload or a shared link shows the same day. Defaults to today in the viewer's zone.
 */
export function useDateParam(): [date: string, setDate: (date: string) => void] {
  const [params, setParams] = useSearchParams();
  const date = dateKeyOrUndefined(params.get('date')) ?? localDateKey();
  // A new day starts its list again from the first page.
  const setDate = (next: string) => setParams(dateKeyOrUndefined(next) ? { date: next } : {});
  return [date, setDate];
}
