import type { types as ms } from 'mediasoup';
import { LOWEST_LAYER_POLL_MS, LOWEST_LAYER_WAIT_MS, untilLowestLayerFlows } from './lowest-layer';

type Stat = Pick<ms.ProducerStat, 'rid' | 'ssrc' | 'bitrate' | 'bitrateByLayer'>;

/** A producer whose getStats answers each of `answers` in turn (the last one from then on). */
function producer(encodings: ms.RtpEncodingParameters[], answers: (Stat[] | Error)[]) {
  let reads = 0;
  const getStats = () => {
    const answer = answers[Math.min(reads++, answers.length - 1)];
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };
  return {
    producer: { rtpParameters: { encodings }, getStats } as unknown as ms.Producer,
    reads: () => reads,
  };
}

const simulcast = [{ rid: 'r0' }, { rid: 'r1' }];
const layers = (rid: string, base: number): Stat => ({
  rid,
  ssrc: rid === 'r0' ? 1 : 2,
  bitrate: 5000,
  bitrateByLayer: { '0.0': base, '0.1': 3000, '0.2': 5000 },
});

describe('untilLowestLayerFlows', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function settle(wait: Promise<void>, ms: number): Promise<boolean> {
    let done = false;
    void wait.then(() => (done = true));
    await jest.advanceTimersByTimeAsync(ms);
    return done;
  }

  it("waits for the lowest stream's base temporal layer, whatever the larger stream has", async () => {
    const { producer: camera, reads } = producer(simulcast, [
      [layers('r0', 0), layers('r1', 4000)],
      [layers('r0', 0), layers('r1', 4000)],
      [layers('r0', 1200), layers('r1', 4000)],
    ]);
    const wait = untilLowestLayerFlows(camera);
    expect(await settle(wait, LOWEST_LAYER_POLL_MS)).toBe(false);
    expect(await settle(wait, LOWEST_LAYER_POLL_MS)).toBe(true);
    expect(reads()).toBe(3);
  });

  it('gives up after LOWEST_LAYER_WAIT_MS', async () => {
    const { producer: camera } = producer(simulcast, [[layers('r0', 0), layers('r1', 0)]]);
    const wait = untilLowestLayerFlows(camera);
    expect(await settle(wait, LOWEST_LAYER_WAIT_MS - 2 * LOWEST_LAYER_POLL_MS)).toBe(false);
    expect(await settle(wait, 3 * LOWEST_LAYER_POLL_MS)).toBe(true);
  });

  it('takes any bitrate of a stream without temporal layers, found by its ssrc', async () => {
    const { producer: camera } = producer([{ ssrc: 7 }], [[{ ssrc: 7, bitrate: 800, bitrateByLayer: {} }]]);
    expect(await settle(untilLowestLayerFlows(camera), 0)).toBe(true);
  });

  it('stops when the stats cannot be read (the producer closed)', async () => {
    const { producer: camera, reads } = producer(simulcast, [new Error('Producer closed')]);
    expect(await settle(untilLowestLayerFlows(camera), 0)).toBe(true);
    expect(reads()).toBe(1);
  });
});
