import { timeZoneDescription } from '../format/format-time';
import { useT } from '../i18n/use-t';

/** Says once per page which zone the times on it are in (the viewer's own). */
export function TimeZoneNote() {
  const t = useT();
  return (
    <p className="time-zone-note">
      {t('Times are shown in your time zone: {{zone}}.', { zone: timeZoneDescription() })}
    </p>
  );
}
