const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const REMINDER_LEADS = ['24h', '15m'] as const;
export type ReminderLead = (typeof REMINDER_LEADS)[number];

/**
 * When each reminder falls due before the start, and until when it is still worth sending: the
 * 24-hour one gives way to the 15-minute one, which is pointless once the appointment started.
 */
export const LEAD_WINDOWS: Record<ReminderLead, { dueBeforeMs: number; expiresBeforeMs: number }> = {
  '24h': { dueBeforeMs: 24 * HOUR, expiresBeforeMs: 15 * MINUTE },
  '15m': { dueBeforeMs: 15 * MINUTE, expiresBeforeMs: 0 },
};
