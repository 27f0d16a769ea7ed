import { useT, type Slot } from '@arogyam/ui';
import { useState } from 'react';
import { useLastBookableWeek } from './booking-policy';
import { useFreeSlots } from './use-free-slots';

/**
 * A free time of one doctor being chosen, week by week (to book, or to move a booking): what the
 * slot picker shows and does, the time chosen, and a time someone else took meanwhile (the choice
 * dropped, a sentence saying so, the week read again).
 */
export function useSlotChoice(doctorId: string, firstWeek: number) {
  const t = useT();
  const [week, setWeek] = useState(firstWeek);
  const slots = useFreeSlots(doctorId, week);
  const lastWeek = useLastBookableWeek();
  const [chosen, setChosen] = useState<Slot>();
  const [takenMessage, setTakenMessage] = useState<string | null>(null);
  return {
    chosen,
    takenMessage,
    /** SlotPicker's props. */
    picker: {
      slots,
      selected: chosen?.startAt,
      onSelect: (slot: Slot) => {
        setTakenMessage(null);
        setChosen(slot);
      },
      week,
      lastWeek,
      onWeekChange: (next: number) => {
        setChosen(undefined);
        setWeek(next);
      },
    },
    dropChoice: () => setChosen(undefined),
    clearTaken: () => setTakenMessage(null),
    taken: () => {
      setChosen(undefined);
      setTakenMessage(t('Sorry, that time was just taken by someone else. Please choose another time.'));
      slots.reload();
    },
  };
}
