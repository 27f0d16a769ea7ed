import { useRealtime } from '../socket/socket-provider';
import type { VideoCall } from './use-video-call';
import { translate } from '../i18n/i18n';

/**
 * A banner while a connection is lost: ours (the socket, or the media), or the other side's
 * (they dropped; the call waits for them). Always rendered, so screen readers hear it change.
 */
export function ConnectionBanner({ call }: { call: Pick<VideoCall, 'status' | 'peerAway' | 'peerName'> }) {
  const { status: socket } = useRealtime();
  let message = '';
  if (socket === 'offline')
    message = translate('You are offline. The call will reconnect when your connection is back.');
  else if (socket !== 'connected' || call.status === 'reconnecting')
    message = translate('Connection lost. Reconnecting…');
  else if (call.peerAway)
    message = translate('{{name}} lost their connection. Waiting for them to come back…', {
      name: call.peerName ?? translate('The other side'),
    });
  return (
    <p role="status" aria-live="polite" className={message ? 'call-banner' : 'visually-hidden'}>
      {message}
    </p>
  );
}
