import { ArrivalQueue } from './arrival-queue';

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ArrivalQueue', () => {
  it('answers a take with the one arrival as soon as it comes, without waiting for more', async () => {
    const queue = new ArrivalQueue<number>(10);
    const taken = queue.takeAll();
    await queue.put(1);
    await expect(taken).resolves.toEqual([1]);
  });

  it('takes everything that arrived meanwhile in one pass, oldest first, at most its capacity', async () => {
    const queue = new ArrivalQueue<number>(3);
    await queue.put(1);
    await queue.put(2);
    await queue.put(3);
    const fourth = queue.put(4);
    let fourthIn = false;
    void fourth.then(() => (fourthIn = true));
    await settle();
    expect(fourthIn).toBe(false);
    await expect(queue.takeAll()).resolves.toEqual([1, 2, 3]);
    await fourth;
    await expect(queue.takeAll()).resolves.toEqual([4]);
  });

  it('lets what waits be taken after closing, then answers empty', async () => {
    const queue = new ArrivalQueue<string>(5);
    await queue.put('a');
    queue.close();
    await queue.put('b');
    await expect(queue.takeAll()).resolves.toEqual(['a']);
    await expect(queue.takeAll()).resolves.toEqual([]);
  });

  it('wakes a waiting take when closed', async () => {
    const queue = new ArrivalQueue<string>(5);
    const taken = queue.takeAll();
    queue.close();
    await expect(taken).resolves.toEqual([]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new ArrivalQueue(0)).toThrow('Capacity 0');
  });
});
