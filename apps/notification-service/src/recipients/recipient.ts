/** Someone a notification goes to, with what the triggering event already told about them. */
export interface Recipient {
  userId: string;
  /** Known from appointment and prescription events; a chat event gives only ids. */
  role?: 'doctor' | 'patient';
  fullName?: string;
  email?: string;
  phone?: string;
}

/** Where email and SMS can reach a user; either may be unknown. */
export interface Contact {
  fullName?: string;
  email?: string;
  phone?: string;
}
