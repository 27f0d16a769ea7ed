/** How a consultation of the analytics report ended, in the order its chart stacks and its table lists them. */
export const CONSULTATION_OUTCOMES = [
  { key: 'completed', label: 'Completed' },
  { key: 'cancelled', label: 'Cancelled' },
  { key: 'lateCancelled', label: 'Cancelled late' },
  { key: 'noShow', label: 'No-show' },
  { key: 'open', label: 'Booked, not yet held' },
] as const;
