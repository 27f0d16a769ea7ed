import {
  AsyncView,
  Button,
  EmptyState,
  formatTime,
  groupByLocalDay,
  type AsyncState,
  type Slot,
} from '@arogyam/ui';
import { BOOKING_DAYS } from '../use-free-slots';

interface SlotPickerProps {
  slots: AsyncState<Slot[]>;
  /** startAt of the chosen slot. */
  selected?: string;
  onSelect(slot: Slot): void;
}

/** Free slots grouped by the patient's local day, one button per start time ("10:30"). */
export function SlotPicker({ slots, selected, onSelect }: SlotPickerProps) {
  return (
    <AsyncView state={slots} loadingLabel="Loading free times…" errorTitle="We could not load free times">
      {(free) =>
        free.length === 0 ? (
          <EmptyState title={`No free times in the next ${BOOKING_DAYS} days.`}>
            <p>Please check again later, or choose another doctor.</p>
          </EmptyState>
        ) : (
          <ul className="slot-days" aria-label="Free times" aria-busy={slots.loading || undefined}>
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
  );
}
