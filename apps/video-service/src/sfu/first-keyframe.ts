import type { types as ms } from 'mediasoup';

/**
 * A second chance for a video consumer's first picture. Its first keyframe request can go
 * unanswered (Chrome ignores one that comes within 300 ms of the request before, or while its
 * encoder is still starting), and mediasoup then asks again only after a fixed second, holding
 * every request in between (the receiver's PLIs too) while the first is pending;
 * `consumer.requestKeyFrame()` is held the same way. If `afterMs` after it went live the consumer
 * has forwarded nothing, or its receiver has asked for a keyframe, the producer is paused and
 * resumed at once: on resume mediasoup asks the sender for a keyframe whatever is pending. Nothing
 * decodable was reaching the other participant, so they lose nothing.
 */
export function secondKeyframeChance(consumer: ms.Consumer, producer: ms.Producer, afterMs: number): void {
  const timer = setTimeout(() => {
    void askAgain(consumer, producer).catch(() => undefined); // closed meanwhile: nothing to ask
  }, afterMs);
  timer.unref();
  consumer.observer.once('close', () => clearTimeout(timer));
}

async function askAgain(consumer: ms.Consumer, producer: ms.Producer): Promise<void> {
  if (consumer.closed || consumer.paused || producer.paused) return;
  const sent = (await consumer.getStats()).filter((stat) => stat.type === 'outbound-rtp');
  const forwarded = sent.reduce((sum, stat) => sum + stat.packetCount, 0);
  // The receiver asking for a keyframe means what it got so far does not decode (its request, too,
  // may have come too soon after the first for the sender to answer).
  const asked = sent.reduce((sum, stat) => sum + stat.pliCount + stat.firCount, 0);
  // Paused since by its owner (camera off): theirs to resume.
  if ((forwarded > 0 && asked === 0) || producer.paused) return;
  await producer.pause();
  await producer.resume();
}
