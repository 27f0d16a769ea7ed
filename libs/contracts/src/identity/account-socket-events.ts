/**
 * Sent to every socket of a user an admin has just suspended, right before the gateway closes it.
 * A client should show the message and not reconnect: the handshake refuses the account's tokens.
 */
export const ACCOUNT_SUSPENDED_SOCKET_EVENT = 'account:suspended';

export interface AccountSuspendedNotice {
  error: 'account_suspended';
  message: string;
}
