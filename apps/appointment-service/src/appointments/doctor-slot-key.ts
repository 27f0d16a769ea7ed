/**
 * The key of a doctor's slot, held by the active appointment in it: a unique index on it lets one
 * active appointment have each doctor and start. Written from the instant, so however a start was
 * spelt (offset, precision) the same instant gives the same key.
 */
export const doctorSlotKey = (doctorId: string, startAt: Date): string =>
  `${doctorId}|${startAt.toISOString()}`;
