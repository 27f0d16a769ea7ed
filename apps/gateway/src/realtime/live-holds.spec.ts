import type { ChatMessageView } from '@arogyam/contracts';
import { CATCH_UP_GRACE_MS, LiveHolds } from './live-holds';

const message = (id: string, roomId = 'd:p'): ChatMessageView => ({
  id,
  roomId,
  senderId: 'd',
  body: `message ${id}`,
  createdAt: '2026-12-01T04:30:00.000Z',
});

describe('LiveHolds', () => {
  afterEach(() => jest.useRealTimers());

  it('holds live messages of the room while a socket catches up, and merges them into its answer once each, in order', () => {
    const holds = new LiveHolds();
    const catchUp = holds.begin('d:p', 'socket-1');

    expect(holds.offer(message('0003'))).toEqual(['socket-1']);
    expect(holds.offer(message('0002'))).toEqual(['socket-1']);
    expect(holds.offer(message('0009', 'other:room'))).toEqual([]);

    expect(catchUp.finish([message('0002'), message('0001')]).map((m) => m.id)).toEqual([
      '0001',
      '0002',
      '0003',
    ]);
  });

  it('after the answer, drops late live copies of what it carried for a grace period, not new messages', () => {
    jest.useFakeTimers();
    const holds = new LiveHolds();
    holds.begin('d:p', 'socket-1').finish([message('0001')]);

    expect(holds.offer(message('0001'))).toEqual(['socket-1']);
    expect(holds.offer(message('0002'))).toEqual([]);
    jest.advanceTimersByTime(CATCH_UP_GRACE_MS);
    expect(holds.offer(message('0001'))).toEqual([]);
  });

  it('an abandoned catch-up (a refused join) holds nothing more', () => {
    const holds = new LiveHolds();
    const catchUp = holds.begin('d:p', 'socket-1');
    holds.begin('d:p', 'socket-2');

    catchUp.abandon();

    expect(holds.offer(message('0001'))).toEqual(['socket-2']);
  });
});
