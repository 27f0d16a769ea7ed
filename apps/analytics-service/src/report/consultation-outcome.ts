import type { ConsultationOutcomeRow } from '@arogyam/contracts';
import type { Consultation } from '../read-model/consultation.schema';

export type Outcome = Exclude<keyof ConsultationOutcomeRow, 'period'>;

/** What became of a consultation, from its latest status. */
export function outcomeOf(consultation: Pick<Consultation, 'status' | 'late'>): Outcome {
  switch (consultation.status) {
    case 'completed':
      return 'completed';
    case 'cancelled':
      return consultation.late ? 'lateCancelled' : 'cancelled';
    case 'no_show':
      return 'noShow';
    default:
      return 'open';
  }
}

/** Held, open or missed: the consultations that took (or take) the doctor's time. */
export const tookTime = (outcome: Outcome): boolean => outcome !== 'cancelled' && outcome !== 'lateCancelled';

export const emptyOutcomes = (period: string): ConsultationOutcomeRow => ({
  period,
  completed: 0,
  cancelled: 0,
  lateCancelled: 0,
  noShow: 0,
  open: 0,
});
