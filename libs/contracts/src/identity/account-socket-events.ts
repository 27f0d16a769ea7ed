/**
 * Sent to every socket of a user an admin has just suspended, right before the gateway closes it.
 * A client should show the message and not reconnect: the handshake refuses the account's tokens.
 */
export const ACCOUNT_SUSPENDED_SOCKET_EVENT = 'account:suspended';

export interface AccountSuspendedNotice {
  error: 'account_suspended';
  message: string;
}

/**
 * Sent to each socket whose access token an account change made stale (a password change ends
 * every session but the new one), right before the gateway closes it. The app that changed the
 * password holds a newer token and reconnects with it; any other app's tokens are refused, so it
 * signs in again.
 */
export const SESSION_ENDED_SOCKET_EVENT = 'session:ended';

export interface SessionEndedNotice {
  error: 'session_ended';
  message: string;
}
