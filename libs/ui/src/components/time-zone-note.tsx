import { timeZoneDescription } from '../format/format-time';

/** Says once per page which zone the times on it are in (the viewer's own). */
export function TimeZoneNote() {
  return <p className="time-zone-note">Times are shown in your time zone: {timeZoneDescription()}.</p>;
}
