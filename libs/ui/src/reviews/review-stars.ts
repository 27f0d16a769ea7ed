export const MAX_STARS = 5;

/** The words beside each choice of the patient's rating, 1 to 5. */
export const STAR_LABELS: Record<number, string> = {
  1: 'Poor',
  2: 'Fair',
  3: 'Good',
  4: 'Very good',
  5: 'Excellent',
};
