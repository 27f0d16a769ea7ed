import { useRealtime, type ConnectionStatus } from './socket-provider';

const LABELS: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Offline',
};

/** "Connected", "Reconnecting…", "Offline": the realtime connection's state in words. */
export function connectionLabel(status: ConnectionStatus): string {
  return LABELS[status];
}

/** The realtime connection's state, shown and announced when it changes; the words carry the meaning. */
export function ConnectionStatusNote() {
  const { status } = useRealtime();
  return (
    <p role="status" className={`connection connection-${status}`}>
      <span className="connection-dot" aria-hidden="true" />
      {connectionLabel(status)}
    </p>
  );
}
