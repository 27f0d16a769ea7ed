import type { types as ms } from 'mediasoup';

/** How soon to ask again after the last request: just past the 300 ms within which Chrome ignores one. */
export const KEYFRAME_ASK_INTERVAL_MS = 350;
/** Chrome ignores a request that comes within 300 ms of the keyframe it last sent: wait that out. */
export const AFTER_SENDERS_KEYFRAME_MS = 320;
/** After this the receiver's own requests and mediasoup's retries are left to do it. */
export const KEYFRAME_ASKING_STOPS_AFTER_MS = 4_000;

/** How many asking loops watch each producer's keyframes (its trace is producer-wide). */
const watchers = new WeakMap<ms.Producer, number>();

/**
 * Asks the sender again for a keyframe until the video consumer has forwarded one. Its first
 * request can go unanswered (Chrome ignores one that comes within 300 ms of its last keyframe, or
 * while its encoder is still starting), and mediasoup then asks again only after a fixed second,
 * holding every request in between (the receiver's PLIs too) while the first is pending;
 * `consumer.requestKeyFrame()` is held the same way. So while the consumer's `keyframe` trace has
 * not fired, the producer is paused and resumed (on resume mediasoup asks the sender for a
 * keyframe whatever is pending) every `KEYFRAME_ASK_INTERVAL_MS`, and never sooner than
 * `AFTER_SENDERS_KEYFRAME_MS` after a keyframe reached the producer (seen in the video benchmark:
 * the sender answered the first request before the consumer had chosen its layer, so the consumer
 * forwarded nothing, and a request 270 ms after that keyframe was ignored). Packets that are not a
 * keyframe do not count: the first picture needs one. Nothing decodable was reaching the other
 * participant, so they lose nothing.
 */
export function askForKeyframeUntilForwarded(
  consumer: ms.Consumer,
  producer: ms.Producer,
  /** Pauses and resumes the producer, unless its owner has paused it (SfuPeer.askForKeyframe). */
  askSender: () => Promise<void>,
): void {
  const startedAt = Date.now();
  let nextAskAt = startedAt + KEYFRAME_ASK_INTERVAL_MS;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const schedule = (): void => {
    clearTimeout(timer);
    if (nextAskAt - startedAt > KEYFRAME_ASKING_STOPS_AFTER_MS) return stop();
    timer = setTimeout(ask, Math.max(0, nextAskAt - Date.now()));
    timer.unref();
  };
  const ask = (): void => {
    nextAskAt = Date.now() + KEYFRAME_ASK_INTERVAL_MS;
    // Paused since by the receiver: theirs to resume. Closed meanwhile: nothing to ask.
    if (!consumer.closed && !consumer.paused) void askSender().catch(() => undefined);
    schedule();
  };
  const onForwarded = (trace: ms.ConsumerTraceEventData): void => {
    if (trace.type === 'keyframe') stop();
  };
  const onSendersKeyframe = (trace: ms.ProducerTraceEventData): void => {
    if (trace.type !== 'keyframe') return;
    const earliest = Date.now() + AFTER_SENDERS_KEYFRAME_MS;
    if (earliest <= nextAskAt) return;
    nextAskAt = earliest;
    schedule();
  };
  function stop(): void {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    consumer.removeListener('trace', onForwarded);
    producer.removeListener('trace', onSendersKeyframe);
    void consumer.enableTraceEvent([]).catch(() => undefined); // closed meanwhile
    const left = (watchers.get(producer) ?? 1) - 1;
    watchers.set(producer, left);
    if (left === 0) void producer.enableTraceEvent([]).catch(() => undefined);
  }

  watchers.set(producer, (watchers.get(producer) ?? 0) + 1);
  consumer.on('trace', onForwarded);
  producer.on('trace', onSendersKeyframe);
  consumer.observer.once('close', stop);
  void consumer.enableTraceEvent(['keyframe']).catch(stop);
  void producer.enableTraceEvent(['keyframe']).catch(stop);
  schedule();
}
