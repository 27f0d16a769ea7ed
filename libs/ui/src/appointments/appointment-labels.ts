import type { SelectOption } from '../components/select-field';
import type { AppointmentMode, AppointmentStatus } from '../api/types';
import { translate } from '../i18n/i18n';

const MODE_LABELS: Record<AppointmentMode, string> = {
  video: 'Video',
  chat: 'Chat',
  in_person: 'In person',
};

const STATUS_LABELS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Checked in',
  in_consultation: 'In consultation',
  completed: 'Completed',
  cancelled: 'Cancelled',
  no_show: 'No-show',
};

/** The consultation modes, in the order they are offered when booking. */
export const MODE_OPTIONS: readonly (SelectOption & { value: AppointmentMode })[] = (
  Object.keys(MODE_LABELS) as AppointmentMode[]
).map((value) => ({ value, label: MODE_LABELS[value] }));

/** "In person"; an unknown mode from a newer server is shown as sent. */
export function modeLabel(mode: string): string {
  return translate(MODE_LABELS[mode as AppointmentMode] ?? mode);
}

/** "Checked in"; an unknown status from a newer server is shown as sent. */
export function statusLabel(status: string): string {
  return translate(STATUS_LABELS[status as AppointmentStatus] ?? status);
}
