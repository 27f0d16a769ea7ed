import { Types } from 'mongoose';
import { nextMessageId } from './message-ids';

describe('nextMessageId', () => {
  it('is a fresh ObjectId when the room has no message or an older one', () => {
    const id = nextMessageId();
    expect(Math.abs(id.getTimestamp().getTime() - Date.now())).toBeLessThan(2000);
    const older = Types.ObjectId.createFromTime(Math.floor(Date.now() / 1000) - 60).toHexString();
    expect(nextMessageId(older).toHexString() > older).toBe(true);
  });

  it("sorts after a newest id from another instance's ahead clock or larger random value", () => {
    const ahead = `${(Math.floor(Date.now() / 1000) + 30).toString(16)}ffffffffff000001`;

    const first = nextMessageId(ahead);
    const second = nextMessageId(first.toHexString());

    expect(first.toHexString() > ahead).toBe(true);
    expect(second.toHexString() > first.toHexString()).toBe(true);
    expect(first.getTimestamp().getTime()).toBe((parseInt(ahead.slice(0, 8), 16) + 1) * 1000);
  });

  it('never repeats within a process', () => {
    const newest = `${(Math.floor(Date.now() / 1000) + 5).toString(16)}ffffffffffffffff`;
    const ids = new Set(Array.from({ length: 1000 }, () => nextMessageId(newest).toHexString()));
    expect(ids.size).toBe(1000);
  });
});
