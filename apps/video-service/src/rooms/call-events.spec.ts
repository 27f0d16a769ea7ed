import { Logger } from '@nestjs/common';
import { VideoEventTypes, type EventEnvelope } from '@arogyam/contracts';
import { createEvent, type EventPublisher } from '@arogyam/messaging';
import { CALL_EVENT_RETRY_DELAYS_MS, CallEvents } from './call-events';

/** JetStream as the publisher meets it: refuses the first `failures` publishes, then takes each. */
function jetStream(failures: number) {
  const taken: string[] = [];
  let attempts = 0;
  const publisher = {
    publish: jest.fn(async (event: EventEnvelope) => {
      attempts += 1;
      if (attempts <= failures) throw new Error('TIMEOUT');
      taken.push(event.id);
    }),
  };
  return { taken, publisher, events: new CallEvents(publisher as unknown as EventPublisher) };
}

/** A call_ended with the given id (the publisher's calls are told apart by it). */
const ended = (id: string): EventEnvelope => ({
  ...createEvent(VideoEventTypes.callEnded, { appointmentId: 'a1' }),
  id,
});

describe('CallEvents', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('publishes once when JetStream takes it', async () => {
    const { taken, publisher, events } = jetStream(0);
    await events.publish(ended('e1'));
    expect(taken).toEqual(['e1']);
    expect(publisher.publish).toHaveBeenCalledTimes(1);
  });

  it('keeps trying a refused publish in the background, the same event each time, until it is taken', async () => {
    const { taken, publisher, events } = jetStream(3);
    await expect(events.publish(ended('e1'))).resolves.toBeUndefined();
    expect(taken).toEqual([]);
    for (const delay of CALL_EVENT_RETRY_DELAYS_MS.slice(0, 3)) await jest.advanceTimersByTimeAsync(delay);
    expect(taken).toEqual(['e1']);
    expect(publisher.publish).toHaveBeenCalledTimes(4);
    expect(new Set(publisher.publish.mock.calls.map(([event]) => event.id))).toEqual(new Set(['e1']));
    // Taken: nothing more is sent.
    await jest.advanceTimersByTimeAsync(10 * 60_000);
    expect(publisher.publish).toHaveBeenCalledTimes(4);
  });

  it('gives up after the last retry, inside the duplicate window, and says so', async () => {
    const { taken, publisher, events } = jetStream(Number.POSITIVE_INFINITY);
    await events.publish(ended('e1'));
    await jest.advanceTimersByTimeAsync(CALL_EVENT_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0));
    expect(publisher.publish).toHaveBeenCalledTimes(CALL_EVENT_RETRY_DELAYS_MS.length + 1);
    expect(taken).toEqual([]);
    expect(Logger.prototype.error).toHaveBeenCalledWith(
      expect.stringContaining('Gave up on video.call_ended e1'),
    );
    expect(CALL_EVENT_RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0)).toBeLessThan(10 * 60_000);
  });

  it('tries what still waits once more at shutdown', async () => {
    const { taken, events } = jetStream(1);
    await events.publish(ended('e1'));
    await events.onApplicationShutdown();
    expect(taken).toEqual(['e1']);
  });
});
