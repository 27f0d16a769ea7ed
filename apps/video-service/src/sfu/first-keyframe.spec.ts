import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import {
  AFTER_SENDERS_KEYFRAME_MS,
  askForKeyframeUntilForwarded,
  KEYFRAME_ASK_INTERVAL_MS,
  KEYFRAME_ASKING_STOPS_AFTER_MS,
} from './first-keyframe';

/** Just what askForKeyframeUntilForwarded touches of a consumer and its producer. */
function fakes() {
  const asked: string[] = [];
  const traces: string[][] = [];
  const consumer = Object.assign(new EventEmitter(), {
    observer: new EventEmitter(),
    closed: false,
    paused: false,
    enableTraceEvent: (types: string[]) => {
      traces.push(types);
      return Promise.resolve();
    },
  });
  const producerTraces: string[][] = [];
  const producer = Object.assign(new EventEmitter(), {
    paused: false,
    pause: () => (asked.push('pause'), Promise.resolve()),
    resume: () => (asked.push('resume'), Promise.resolve()),
    enableTraceEvent: (types: string[]) => {
      producerTraces.push(types);
      return Promise.resolve();
    },
  });
  const askSender = async () => {
    await producer.pause();
    await producer.resume();
  };
  askForKeyframeUntilForwarded(
    consumer as unknown as ms.Consumer,
    producer as unknown as ms.Producer,
    askSender,
  );
  return { consumer, producer, asked, traces, producerTraces };
}

describe('askForKeyframeUntilForwarded', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('asks again every interval until the consumer forwards a keyframe, then stops watching', async () => {
    const { consumer, asked, traces, producerTraces } = fakes();
    expect(traces).toEqual([['keyframe']]);
    await jest.advanceTimersByTimeAsync(KEYFRAME_ASK_INTERVAL_MS * 2);
    expect(asked).toEqual(['pause', 'resume', 'pause', 'resume']);

    consumer.emit('trace', { type: 'rtp', direction: 'out' }); // packets that are not a keyframe
    await jest.advanceTimersByTimeAsync(KEYFRAME_ASK_INTERVAL_MS);
    expect(asked).toHaveLength(6);

    consumer.emit('trace', { type: 'keyframe', direction: 'out' });
    await jest.advanceTimersByTimeAsync(KEYFRAME_ASKING_STOPS_AFTER_MS);
    expect(asked).toHaveLength(6);
    expect(traces).toEqual([['keyframe'], []]);
    expect(consumer.listenerCount('trace')).toBe(0);
    expect(producerTraces).toEqual([['keyframe'], []]);
  });

  it("waits out the sender's last keyframe before asking again", async () => {
    const { producer, asked } = fakes();
    await jest.advanceTimersByTimeAsync(KEYFRAME_ASK_INTERVAL_MS - 100);
    producer.emit('trace', { type: 'keyframe', direction: 'in' }); // answered, not yet forwarded
    await jest.advanceTimersByTimeAsync(AFTER_SENDERS_KEYFRAME_MS - 1);
    expect(asked).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(asked).toEqual(['pause', 'resume']);
  });

  it('gives up after its time, and asks nothing while the receiver has the consumer paused', async () => {
    const { asked } = fakes();
    await jest.advanceTimersByTimeAsync(KEYFRAME_ASKING_STOPS_AFTER_MS + KEYFRAME_ASK_INTERVAL_MS * 3);
    expect(asked).toHaveLength(2 * Math.floor(KEYFRAME_ASKING_STOPS_AFTER_MS / KEYFRAME_ASK_INTERVAL_MS));

    const other = fakes();
    other.consumer.paused = true;
    await jest.advanceTimersByTimeAsync(KEYFRAME_ASK_INTERVAL_MS * 3);
    expect(other.asked).toEqual([]);
  });

  it('stops when the consumer closes', async () => {
    const { consumer, asked } = fakes();
    consumer.observer.emit('close');
    await jest.advanceTimersByTimeAsync(KEYFRAME_ASK_INTERVAL_MS * 3);
    expect(asked).toEqual([]);
  });
});
