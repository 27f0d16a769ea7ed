import type { types as ms } from 'mediasoup';

/** How often a held camera's lowest layer is looked at before its release. */
export const LOWEST_LAYER_POLL_MS = 20;
/** After this a held camera is released anyway: the asking loop (first-keyframe.ts) covers the rest. */
export const LOWEST_LAYER_WAIT_MS = 400;

/**
 * Resolves once the camera's lowest layer has a measured bitrate on its base temporal layer, or
 * after `LOWEST_LAYER_WAIT_MS`. A simulcast consumer chooses its first layer when the producer
 * resumes, and mediasoup takes a layer only if that layer's temporal layer 0 has a bitrate; a
 * camera 100–200 ms old often has none yet (its first keyframe, the only base-layer frame so far,
 * was sent before the producer existed, and the next comes every fourth frame). The consumer then
 * chooses nothing, drops the keyframe the resume asked for, and waits for the next request (seen
 * in the video benchmark: 4 of 40 releases, ~400 ms each). The stats are read while the producer is
 * still paused (mediasoup counts a paused producer's packets). Errors (the producer closed) end the
 * wait: the caller finds it closed.
 */
export async function untilLowestLayerFlows(producer: ms.Producer): Promise<void> {
  const lowest = producer.rtpParameters.encodings?.[0];
  const isLowest = (stat: ms.ProducerStat): boolean =>
    lowest?.rid !== undefined
      ? stat.rid === lowest.rid
      : lowest?.ssrc === undefined || stat.ssrc === lowest.ssrc;
  const giveUpAt = Date.now() + LOWEST_LAYER_WAIT_MS;
  while (Date.now() < giveUpAt) {
    const stats = await producer.getStats().catch(() => undefined);
    if (!stats) return;
    const stream = stats.find(isLowest);
    // Without temporal layers there is no per-layer figure: any bitrate will do.
    const base = stream?.bitrateByLayer?.['0.0'] ?? stream?.bitrate;
    if (base) return;
    await new Promise((resolve) => setTimeout(resolve, LOWEST_LAYER_POLL_MS));
  }
}
