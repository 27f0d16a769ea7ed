import { useT, SelectField, TextField, browserTimeZone } from '@arogyam/ui';
import { useMemo, useState } from 'react';

interface TimeZoneSelectProps {
  value: string;
  onChange(timeZone: string): void;
  error?: string;
}

function allTimeZones(): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  zones.add(browserTimeZone());
  zones.add('UTC');
  return [...zones].sort();
}

/** "Time zone": every IANA zone the browser knows, narrowed by a search box. Place it in a `.form-grid`. */
export function TimeZoneSelect({ value, onChange, error }: TimeZoneSelectProps) {
  const t = useT();
  const zones = useMemo(allTimeZones, []);
  const [search, setSearch] = useState('');
  const needle = search.trim().toLowerCase().replace(/\s+/g, '_');
  const matching = zones.filter((zone) => zone.toLowerCase().includes(needle));
  // The chosen zone stays in the list, or the select would silently show (and save) another one.
  const shown = matching.includes(value) ? matching : [value, ...matching];

  return (
    <>
      <TextField
        label={t('Search time zones')}
        name="timezoneSearch"
        type="search"
        placeholder={t('e.g. Kolkata')}
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        hint={
          matching.length === 1
            ? t('1 zone matches.')
            : t('{{count}} zones match.', { count: matching.length })
        }
      />
      <SelectField
        label={t('Time zone')}
        name="timezone"
        value={value}
        options={shown.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))}
        onChange={(event) => onChange(event.target.value)}
        hint={t('Your weekly hours are in this zone.')}
        error={error}
      />
    </>
  );
}
