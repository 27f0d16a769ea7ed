import type { EventEnvelope } from '@arogyam/contracts';
import type { EventPublisher } from '@arogyam/messaging';
import { NextFreeAnnouncer } from './next-free-announcer';
import type { NextFreeSlotsService } from './next-free-slots.service';

const NINE = '2031-03-04T09:00:00.000Z';
const TEN = '2031-03-04T10:00:00.000Z';
const ELEVEN = '2031-03-04T11:00:00.000Z';

/** An announcer whose doctor's first free slot is `firstFree`; answers what it published. */
const announcerFinding = (firstFree: string | null) => {
  const published: EventEnvelope[] = [];
  const publisher = {
    publish: async (event: EventEnvelope) => {
      published.push(event);
    },
  } as unknown as EventPublisher;
  const nextFree = { firstFree: async () => firstFree } as unknown as NextFreeSlotsService;
  return { announcer: new NextFreeAnnouncer(nextFree, publisher), published };
};

/** Announcing is fire-and-forget: let its reads and publish run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('NextFreeAnnouncer', () => {
  it('announces the first free slot after any change that is not a booking', async () => {
    const { announcer, published } = announcerFinding(TEN);
    announcer.announce('doctor-1');
    await settled();
    expect(published.map((event) => event.payload)).toEqual([
      expect.objectContaining({ doctorId: 'doctor-1', nextFreeAt: TEN }),
    ]);
  });

  it('announces nothing after a booking of a slot later than the first free one', async () => {
    const { announcer, published } = announcerFinding(NINE);
    announcer.announce('doctor-1', new Date(TEN));
    await settled();
    expect(published).toEqual([]);
  });

  it('announces after a booking that took the first free slot, or the last one', async () => {
    const later = announcerFinding(ELEVEN);
    later.announcer.announce('doctor-1', new Date(TEN));
    const none = announcerFinding(null);
    none.announcer.announce('doctor-1', new Date(TEN));
    await settled();
    expect(later.published.map((event) => event.payload)).toEqual([
      expect.objectContaining({ nextFreeAt: ELEVEN }),
    ]);
    expect(none.published.map((event) => event.payload)).toEqual([
      expect.objectContaining({ nextFreeAt: null }),
    ]);
  });
});
