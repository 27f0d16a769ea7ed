import type { types as ms } from 'mediasoup';

/** How often to ask again: just past the 300 ms within which Chrome ignores a second request. */
export const KEYFRAME_ASK_INTERVAL_MS = 350;
/** After this the receiver's own requests and mediasoup's retries are left to do it. */
export const KEYFRAME_ASKING_STOPS_AFTER_MS = 4_000;

/**
 * Asks the sender again for a keyframe until the video consumer has forwarded one. Its first
 * request can go unanswered (Chrome ignores one that comes within 300 ms of the request before, or
 * while its encoder is still starting), and mediasoup then asks again only after a fixed second,
 * holding every request in between (the receiver's PLIs too) while the first is pending;
 * `consumer.requestKeyFrame()` is held the same way. So every `KEYFRAME_ASK_INTERVAL_MS`, while
 * the consumer's `keyframe` trace has not fired, the producer is paused and resumed at once: on
 * resume mediasoup asks the sender for a keyframe whatever is pending. Packets that are not a
 * keyframe do not count (the first picture needs one; a receiver can get packets for a second and
 * decode nothing). Nothing decodable was reaching the other participant, so they lose nothing.
 */
export function askForKeyframeUntilForwarded(consumer: ms.Consumer, producer: ms.Producer): void {
  let forwarded = false;
  const stop = (): void => {
    clearInterval(asking);
    clearTimeout(giveUp);
    consumer.removeListener('trace', onTrace);
    void consumer.enableTraceEvent([]).catch(() => undefined); // closed meanwhile
  };
  const onTrace = (trace: ms.ConsumerTraceEventData): void => {
    if (trace.type !== 'keyframe' || forwarded) return;
    forwarded = true;
    stop();
  };
  const asking = setInterval(() => {
    if (forwarded) return;
    void askAgain(consumer, producer).catch(() => undefined); // closed meanwhile: nothing to ask
  }, KEYFRAME_ASK_INTERVAL_MS);
  const giveUp = setTimeout(stop, KEYFRAME_ASKING_STOPS_AFTER_MS);
  asking.unref();
  giveUp.unref();
  consumer.on('trace', onTrace);
  consumer.observer.once('close', stop);
  void consumer.enableTraceEvent(['keyframe']).catch(stop);
}

async function askAgain(consumer: ms.Consumer, producer: ms.Producer): Promise<void> {
  // Paused since by its owner (camera off), or by the receiver: theirs to resume.
  if (consumer.closed || consumer.paused || producer.paused) return;
  await producer.pause();
  await producer.resume();
}
