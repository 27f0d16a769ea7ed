import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import { FIRST_PICTURE_LAYERS_FOR_MS, SfuPeer } from './sfu-peer';

/** Just what SfuPeer touches of a simulcast video consumer. */
function videoConsumer(id: string) {
  const preferred: ms.ConsumerLayers[] = [];
  const consumer = Object.assign(new EventEmitter(), {
    id,
    kind: 'video',
    type: 'simulcast',
    closed: false,
    observer: new EventEmitter(),
    setPreferredLayers: (layers: ms.ConsumerLayers) => (preferred.push(layers), Promise.resolve()),
  });
  return { consumer: consumer as unknown as ms.Consumer & EventEmitter, preferred };
}

/** A held camera whose lowest layer has a base-layer bitrate from the `flowsAfter`-th stats read on. */
function heldCamera(flowsAfter: number) {
  let reads = 0;
  const calls: string[] = [];
  const producer = {
    id: 'camera',
    closed: false,
    observer: new EventEmitter(),
    rtpParameters: { encodings: [{ rid: 'r0' }, { rid: 'r1' }] },
    getStats: () =>
      Promise.resolve([
        { rid: 'r0', bitrate: 900, bitrateByLayer: { '0.0': reads++ >= flowsAfter ? 600 : 0 } },
      ]),
    pause: () => (calls.push('pause'), Promise.resolve()),
    resume: () => (calls.push('resume'), Promise.resolve()),
  };
  return { producer: producer as unknown as ms.Producer, calls };
}

describe('SfuPeer', () => {
  describe('a video consumer', () => {
    it('goes to the quality asked for once its first picture is through, and only then', async () => {
      const peer = new SfuPeer('patient');
      const { consumer, preferred } = videoConsumer('c1');
      peer.addConsumer(consumer);
      consumer.emit('layerschange', undefined); // nothing forwarded yet
      expect(preferred).toEqual([]);
      consumer.emit('layerschange', { spatialLayer: 0, temporalLayer: 2 });
      consumer.emit('layerschange', { spatialLayer: 1, temporalLayer: 2 });
      await Promise.resolve();
      expect(preferred).toEqual([{ spatialLayer: 2 }]);
    });

    it('goes to the quality asked for when no picture came at the smallest layer in time', async () => {
      jest.useFakeTimers();
      try {
        const peer = new SfuPeer('patient');
        const { consumer, preferred } = videoConsumer('c1');
        peer.addConsumer(consumer);
        await jest.advanceTimersByTimeAsync(FIRST_PICTURE_LAYERS_FOR_MS - 1);
        expect(preferred).toEqual([]);
        await jest.advanceTimersByTimeAsync(1);
        expect(preferred).toEqual([{ spatialLayer: 2 }]);
        consumer.emit('layerschange', { spatialLayer: 1, temporalLayer: 2 });
        await Promise.resolve();
        expect(preferred).toHaveLength(1);
      } finally {
        jest.useRealTimers();
      }
    });

    it('with the data saver on, stays on the smallest picture', async () => {
      const peer = new SfuPeer('patient');
      await peer.setQuality('low');
      const { consumer, preferred } = videoConsumer('c1');
      peer.addConsumer(consumer);
      consumer.emit('layerschange', { spatialLayer: 0, temporalLayer: 2 });
      await Promise.resolve();
      expect(preferred).toEqual([{ spatialLayer: 0 }]);
    });
  });

  describe("asking a camera's sender for a keyframe", () => {
    /** A live camera whose pause waits for `pauseDone()` when `slowPause` is set. */
    function liveCamera() {
      const calls: string[] = [];
      let pauseDone = () => {};
      const camera = {
        id: 'camera',
        paused: false,
        closed: false,
        slowPause: false,
        observer: new EventEmitter(),
        pause: () => {
          calls.push('pause');
          camera.paused = true;
          return camera.slowPause ? new Promise<void>((resolve) => (pauseDone = resolve)) : Promise.resolve();
        },
        resume: () => {
          calls.push('resume');
          camera.paused = false;
          return Promise.resolve();
        },
      };
      return { camera, calls, pauseDone: () => pauseDone() };
    }

    it('pauses and resumes it, but not while its owner has it off', async () => {
      const peer = new SfuPeer('doctor');
      const { camera, calls } = liveCamera();
      peer.addProducer(camera as unknown as ms.Producer);
      await peer.askForKeyframe('camera');
      expect(calls).toEqual(['pause', 'resume']);
      await peer.setPaused('producer', 'camera', true);
      await peer.askForKeyframe('camera');
      expect(calls).toEqual(['pause', 'resume', 'pause']);
      expect(camera.paused).toBe(true);
    });

    it('leaves the camera off when its owner turns it off between the pause and the resume', async () => {
      const peer = new SfuPeer('doctor');
      const { camera, calls, pauseDone } = liveCamera();
      peer.addProducer(camera as unknown as ms.Producer);
      camera.slowPause = true;
      const asking = peer.askForKeyframe('camera');
      camera.slowPause = false;
      await peer.setPaused('producer', 'camera', true); // camera off, while the server's pause runs
      pauseDone();
      await asking;
      expect(calls).toEqual(['pause', 'pause']);
      expect(camera.paused).toBe(true);
    });
  });

  describe('a held camera', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('is resumed once its lowest layer flows, once', async () => {
      const peer = new SfuPeer('doctor');
      const { producer, calls } = heldCamera(2);
      peer.addProducer(producer, true);
      const released = peer.release('camera');
      await jest.advanceTimersByTimeAsync(25);
      expect(calls).toEqual([]);
      await jest.advanceTimersByTimeAsync(25);
      expect(await released).toBe(producer);
      expect(calls).toEqual(['resume']);
      expect(await peer.release('camera')).toBeUndefined();
      expect(calls).toEqual(['resume']);
    });

    it('is left alone when its owner paused it while the release waited', async () => {
      const peer = new SfuPeer('doctor');
      const { producer, calls } = heldCamera(3);
      peer.addProducer(producer, true);
      const released = peer.release('camera');
      await peer.setPaused('producer', 'camera', true); // camera off
      await jest.advanceTimersByTimeAsync(100);
      expect(await released).toBeUndefined();
      expect(calls).toEqual(['pause']);
    });
  });
});
