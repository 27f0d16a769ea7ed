import {
  useT,
  AsyncView,
  Button,
  EmptyState,
  formatDate,
  formatTime,
  groupByLocalDay,
  type AsyncState,
  type Slot,
} from '@arogyam/ui';
import { weekRange } from '../use-free-slots';

interface SlotPickerProps {
  slots: AsyncState<Slot[]>;
  /** startAt of the chosen slot. */
  selected?: string;
  onSelect(slot: Slot): void;
  /** The week shown (0 = the coming seven days) and the last one that can be booked. */
  week: number;
  lastWeek: number;
  onWeekChange(week: number): void;
}

/** "8 Dec – 14 Dec": the local days a week of the picker covers. */
function weekLabel(week: number): string {
  const { from, to } = weekRange(week);
  const lastDay = new Date(Date.parse(to) - 1).toISOString();
  return `${formatDate(from)} – ${formatDate(lastDay)}`;
}

/**
 * Free slots of one week grouped by the patient's local day, one button per start time
 * ("10:30"), with buttons to the earlier and later weeks up to the booking horizon.
 */
export function SlotPicker({ slots, selected, onSelect, week, lastWeek, onWeekChange }: SlotPickerProps) {
  const t = useT();
  return (
    <div className="slot-picker">
      <nav className="week-nav" aria-label={t('Weeks')}>
        <Button variant="secondary" disabled={week <= 0} onClick={() => onWeekChange(week - 1)}>
          ← Earlier week
        </Button>
        <p className="week-label" aria-live="polite">
          {weekLabel(week)}
        </p>
        <Button variant="secondary" disabled={week >= lastWeek} onClick={() => onWeekChange(week + 1)}>
          {t('Later week →')}
        </Button>
      </nav>
      <AsyncView
        state={slots}
        loadingLabel={t('Loading free times…')}
        errorTitle={t('We could not load free times')}
      >
        {(free) =>
          free.length === 0 ? (
            <EmptyState title={t('No free times this week.')}>
              <p>
                {t(
                  week < lastWeek
                    ? 'Try a later week, or choose another doctor.'
                    : 'Please choose another doctor.',
                )}
              </p>
            </EmptyState>
          ) : (
            <ul className="slot-days" aria-label={t('Free times')} aria-busy={slots.loading || undefined}>
              {groupByLocalDay(free).map((day) => (
                <li key={day.key} className="slot-day">
                  <h3 id={`slots-${day.key}`}>{day.label}</h3>
                  <ul className="slot-list" aria-labelledby={`slots-${day.key}`}>
                    {day.items.map((slot) => (
                      <li key={slot.startAt}>
                        <Button
                          variant="secondary"
                          className="slot-button"
                          aria-pressed={slot.startAt === selected}
                          onClick={() => onSelect(slot)}
                        >
                          {formatTime(slot.startAt)}
                        </Button>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </AsyncView>
    </div>
  );
}
