import type { types as ms } from 'mediasoup';
import { VideoServiceConfig } from '../config/video-service.config';

/** A starting estimate of the bandwidth towards a client: enough for the middle simulcast layer. */
const INITIAL_OUTGOING_BITRATE = 1_000_000;

/**
 * The WebRTC transports of every consultation: UDP preferred, TCP as a fallback for networks that
 * block UDP, on MEDIASOUP_LISTEN_IP within MEDIASOUP_RTC_MIN_PORT–MEDIASOUP_RTC_MAX_PORT, and
 * announcing MEDIASOUP_ANNOUNCED_IP (the address browsers reach behind NAT) when set.
 */
export function webRtcTransportOptions(config: VideoServiceConfig): ms.WebRtcTransportOptions {
  if (config.MEDIASOUP_RTC_MIN_PORT > config.MEDIASOUP_RTC_MAX_PORT) {
    throw new Error(
      `MEDIASOUP_RTC_MIN_PORT (${config.MEDIASOUP_RTC_MIN_PORT}) is above MEDIASOUP_RTC_MAX_PORT (${config.MEDIASOUP_RTC_MAX_PORT})`,
    );
  }
  const listen = (protocol: ms.TransportProtocol): ms.TransportListenInfo => ({
    protocol,
    ip: config.MEDIASOUP_LISTEN_IP,
    ...(config.MEDIASOUP_ANNOUNCED_IP ? { announcedAddress: config.MEDIASOUP_ANNOUNCED_IP } : {}),
    portRange: { min: config.MEDIASOUP_RTC_MIN_PORT, max: config.MEDIASOUP_RTC_MAX_PORT },
  });
  return {
    listenInfos: [listen('udp'), listen('tcp')],
    enableUdp: true,
    enableTcp: true,
    preferUdp: true,
    initialAvailableOutgoingBitrate: INITIAL_OUTGOING_BITRATE,
  };
}
