import { Logger } from '@nestjs/common';
import type { JetStreamManager, NatsConnection } from 'nats';
import { EVENTS_STREAM, eventSubject, VideoEventTypes } from '@arogyam/contracts';
import { createEvent, ensureEventsStream, EventPublisher } from '@arogyam/messaging';
import { connectAs, startLocalNats, waitFor, type LocalServer } from '@arogyam/testing';
import { CallEvents } from '../src/rooms/call-events';

/**
 * A call's event that JetStream could not take when the call ended is published once it can: on a
 * NATS server of its own (the events stream is deleted, which a shared server's other tests need).
 */
describe('CallEvents on a real NATS', () => {
  let server: LocalServer;
  let nc: NatsConnection;
  let jsm: JetStreamManager;

  beforeAll(async () => {
    server = await startLocalNats();
    nc = await connectAs({ natsUrl: server.url, natsPasswords: server.passwords });
    jsm = await nc.jetstreamManager();
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });

  afterAll(async () => {
    jest.restoreAllMocks();
    await nc?.close();
    await server?.stop();
  });

  it('publishes a call_ended that JetStream refused (no stream yet) once the stream is back', async () => {
    const publisher = new EventPublisher(nc);
    const events = new CallEvents(publisher);
    // The publisher has made the stream; then it is gone (as while JetStream restores it).
    await publisher.publish(createEvent(VideoEventTypes.waitingChanged, { appointmentId: 'a0' }));
    await jsm.streams.delete(EVENTS_STREAM);

    const ended = createEvent(VideoEventTypes.callEnded, { appointmentId: 'a1', callId: 'c1' });
    await events.publish(ended); // refused: goes on in the background
    expect(Logger.prototype.warn).toHaveBeenCalledWith(expect.stringContaining(`${ended.type} ${ended.id}`));

    await ensureEventsStream(nc);
    const stored = await waitFor(
      () =>
        jsm.streams
          .getMessage(EVENTS_STREAM, { last_by_subj: eventSubject(ended.type) })
          .then((message) => message.json<{ id: string }>())
          .catch(() => undefined),
      10_000,
      'the call_ended event in the stream',
    );
    expect(stored.id).toBe(ended.id);
    await events.onApplicationShutdown();
  });
});
